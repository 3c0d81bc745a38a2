import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import type { ItemResult } from '../../../shared/items';
import { locatorValue, requiredText } from '../../../shared/params';
import { customerLocator } from '../../helpers/locators';
import { withMarketingContact } from '../../helpers/marketingContact';
import { getCustomerById } from './find';

const properties: INodeProperties[] = [customerLocator];

export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const id = requiredText(this, i, 'Customer', locatorValue(this, i, 'customerId'));
	const customer = await getCustomerById(this, id);
	if (!customer) throw new NodeOperationError(this.getNode(), `No customer with ID ${id}`, { itemIndex: i });
	return withMarketingContact(customer);
}
