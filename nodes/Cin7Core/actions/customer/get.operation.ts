import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import type { ItemResult } from '../../../shared/items';
import { requiredText } from '../../../shared/params';
import { withMarketingContact } from '../../helpers/marketingContact';
import { getCustomerById } from './find';

const properties: INodeProperties[] = [
	{
		displayName: 'Customer ID',
		name: 'customerId',
		type: 'string',
		required: true,
		default: '',
		description: 'ID of the customer in Cin7 Core',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const id = requiredText(this, i, 'Customer ID', this.getNodeParameter('customerId', i, ''));
	const customer = await getCustomerById(this, id);
	if (!customer) throw new NodeOperationError(this.getNode(), `No customer with ID ${id}`, { itemIndex: i });
	return withMarketingContact(customer);
}
