import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import type { ItemResult } from '../../../shared/items';
import { requiredText } from '../../../shared/params';
import { coreList } from '../../transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Product Family ID',
		name: 'familyId',
		type: 'string',
		required: true,
		default: '',
		description: 'ID of the product family in Cin7 Core',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['productFamily'], operation: ['get'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const id = requiredText(this, i, 'Product Family ID', this.getNodeParameter('familyId', i, ''));
	const rows = await coreList.call(this, '/productFamily', 'ProductFamilies', { ID: id }, 1);
	if (!rows.length) throw new NodeOperationError(this.getNode(), `No product family with ID ${id}`, { itemIndex: i });
	return rows[0];
}
