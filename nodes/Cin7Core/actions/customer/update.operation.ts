import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import { inputError, type ItemResult } from '../../../shared/items';
import { locatorValue, requiredText } from '../../../shared/params';
import { customerLocator } from '../../helpers/locators';
import { coreRequest } from '../../transport';
import { customerInput, firstCustomer, updateBody } from './body';
import { customerFieldOptions } from './fields';
import { getCustomerById } from './find';

const properties: INodeProperties[] = [
	customerLocator,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Fields to change; fields not set keep their current values',
		options: customerFieldOptions,
	},
];

export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['update'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const id = requiredText(this, i, 'Customer', locatorValue(this, i, 'customerId'));
	const input = customerInput(this, i, 'updateFields');
	if (!Object.keys(input.fields).length && !input.contacts && !input.addresses) {
		throw inputError(this, i, 'Update Fields', 'are empty: nothing to update');
	}
	const current = await getCustomerById(this, id);
	if (!current) throw new NodeOperationError(this.getNode(), `No customer with ID ${id}`, { itemIndex: i });
	return firstCustomer(this, i, await coreRequest.call(this, 'PUT', '/customer', undefined, updateBody(current, input)));
}
