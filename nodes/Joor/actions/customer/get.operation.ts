import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import { httpStatusOf } from '../../../shared/http';
import { withItemIndex, type ItemResult } from '../../../shared/items';
import { requiredText } from '../../../shared/params';
import { joorRequest, recordOf, seg } from '../../transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Customer Code',
		name: 'customerCode',
		type: 'string',
		required: true,
		default: '',
		description: 'The customer code the brand gave the retailer (e.g. the Cin7 customer code)',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['get'] } }, properties);

/** `GET /v2/connection/customer_code/{code}/`; a code JOOR does not know gives `found: false`. */
export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const code = requiredText(this, i, 'Customer Code', this.getNodeParameter('customerCode', i, ''));
	try {
		const body = await joorRequest.call(this, 'GET', `/v2/connection/customer_code/${seg(code)}/`);
		const record = recordOf(body, 'connection');
		return record ? { found: true, ...record } : { customer_code: code, found: false };
	} catch (error) {
		if (httpStatusOf(error) === 404) return { customer_code: code, found: false };
		throw withItemIndex(this, error, i);
	}
}
