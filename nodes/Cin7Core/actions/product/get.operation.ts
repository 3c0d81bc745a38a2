import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import type { ItemResult } from '../../../shared/items';
import { locatorValue, requiredText } from '../../../shared/params';
import { productLocator } from '../../helpers/locators';
import { coreList } from '../../transport';
import { findProductBySku } from './find';

const properties: INodeProperties[] = [
	{
		displayName: 'Find By',
		name: 'findBy',
		type: 'options',
		options: [
			{ name: 'ID', value: 'id' },
			{ name: 'SKU', value: 'sku' },
		],
		default: 'sku',
		description: 'Look the product up by its ID or by its SKU',
	},
	{ ...productLocator, displayOptions: { show: { findBy: ['id'] } } },
	{
		displayName: 'SKU',
		name: 'sku',
		type: 'string',
		required: true,
		default: '',
		description: 'SKU of the product, matched exactly',
		displayOptions: { show: { findBy: ['sku'] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		description: 'What else to include with the product',
		options: [
			{
				displayName: 'Include Attachments',
				name: 'IncludeAttachments',
				type: 'boolean',
				default: false,
				description: 'Whether to include images and other attachments',
			},
			{
				displayName: 'Include Custom Prices',
				name: 'IncludeCustomPrices',
				type: 'boolean',
				default: false,
				description: 'Whether to include customer-specific prices',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['product'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const findBy = this.getNodeParameter('findBy', i) as string;
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	if (findBy === 'id') {
		const id = requiredText(this, i, 'Product', locatorValue(this, i, 'productId'));
		const rows = await coreList.call(this, '/product', 'Products', { ID: id, IncludeDeprecated: true, ...options }, 1);
		if (!rows.length) throw new NodeOperationError(this.getNode(), `No product with ID ${id}`, { itemIndex: i });
		return rows[0];
	}
	const sku = requiredText(this, i, 'SKU', this.getNodeParameter('sku', i, ''));
	const product = await findProductBySku(this, sku, options);
	if (!product) throw new NodeOperationError(this.getNode(), `No product with SKU "${sku}"`, { itemIndex: i });
	return product;
}
