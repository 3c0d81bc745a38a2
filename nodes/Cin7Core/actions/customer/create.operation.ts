import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import type { ItemResult } from '../../../shared/items';
import { requiredText } from '../../../shared/params';
import { coreRequest } from '../../transport';
import { createBody, customerInput, firstCustomer } from './body';
import { customerFieldOptions } from './fields';

const properties: INodeProperties[] = [
	{ displayName: 'Name', name: 'name', type: 'string', required: true, default: '', description: 'Unique customer name' },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Cin7 Core requires Currency, Payment Term, Account Receivable, Revenue Account and Tax Rule on create',
		options: customerFieldOptions.filter((o) => o.name !== 'Name'),
	},
];

export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const input = customerInput(this, i, 'additionalFields');
	const body = createBody(requiredText(this, i, 'Name', this.getNodeParameter('name', i, '')), input);
	return firstCustomer(this, i, await coreRequest.call(this, 'POST', '/customer', undefined, body));
}
