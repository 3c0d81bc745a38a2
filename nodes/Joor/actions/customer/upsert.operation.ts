import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { batchWrite } from '../../../shared/batchWrite';
import { updateDisplayOptions } from '../../../shared/displayOptions';
import { inputError } from '../../../shared/items';
import type { ItemOutcomes } from '../../../shared/operation';
import { compact, readJson, requiredText } from '../../../shared/params';
import { jobWaitProperties, readJobWait, runBulkJob } from '../../helpers/bulkJob';
import { readObjects } from '../../helpers/records';

const PRICE_TYPES_EXAMPLE = '[{"currency":"USD","price_label":"Wholesale USD"}]';
const ADDRESS_EXAMPLE = '{"line_1":"1 Main St","city":"Austin","state":"TX","zip":"78701","country":"US"}';

const properties: INodeProperties[] = [
	{
		displayName: 'Customer Code',
		name: 'customerCode',
		type: 'string',
		required: true,
		default: '',
		description: 'The brand\'s code for the retailer; the key of the upsert',
	},
	{
		displayName: 'Customer Name',
		name: 'customerName',
		type: 'string',
		required: true,
		default: '',
		description: 'The retailer\'s name as JOOR shows it',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ displayName: 'Billing Address (JSON)', name: 'billingAddress', type: 'json', default: '', description: `For example ${ADDRESS_EXAMPLE}` },
			{ displayName: 'Buyer Name', name: 'buyerName', type: 'string', default: '', description: 'The retailer\'s buyer (contact person)' },
			{ displayName: 'Customer Group', name: 'customerGroup', type: 'string', default: '', description: 'A customer group that exists in JOOR' },
			{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '', description: 'The buyer\'s email address' },
			{ displayName: 'Phone', name: 'phone', type: 'string', default: '', description: 'The buyer\'s phone number' },
			{
				displayName: 'Price Types (JSON)',
				name: 'priceTypes',
				type: 'json',
				default: '',
				description: `Currency and price label pairs; they must match the price types of your style prices, e.g. ${PRICE_TYPES_EXAMPLE}`,
			},
			{ displayName: 'Shipping Address (JSON)', name: 'shippingAddress', type: 'json', default: '', description: `For example ${ADDRESS_EXAMPLE}` },
		],
	},
	{
		displayName:
			'JOOR matches new retailers by hand (about 2 business days): a new customer is accepted now but usable in JOOR only after that',
		name: 'matchingNotice',
		type: 'notice',
		default: '',
	},
	...jobWaitProperties(),
];

export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['upsert'] } }, properties);

const CUSTOMERS_PER_JOB = 500;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Creates or updates customers (connections) in bulk jobs (`POST /v2/bulk-connection`), keyed by customer code. */
export async function executeBatch(this: IExecuteFunctions): Promise<ItemOutcomes> {
	const wait = readJobWait(this);
	return await batchWrite<IDataObject>(this, {
		vendor: 'JOOR',
		noun: 'customer',
		maxCount: CUSTOMERS_PER_JOB,
		maxBytes: 4_000_000,
		duplicates: 'lastWins',
		build: (i) => {
			const code = requiredText(this, i, 'Customer Code', this.getNodeParameter('customerCode', i, ''));
			const name = requiredText(this, i, 'Customer Name', this.getNodeParameter('customerName', i, ''));
			const extra = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
			const email = String(extra.email ?? '').trim();
			if (email && !EMAIL.test(email)) throw inputError(this, i, 'Email', `is not an email address ("${email}")`);
			const priceTypes = readObjects(this, i, 'Price Types', extra.priceTypes, PRICE_TYPES_EXAMPLE).map((p, k) => {
				const currency = String(p.currency ?? '').trim().toUpperCase();
				const label = String(p.price_label ?? '').trim();
				if (!/^[A-Z]{3}$/.test(currency) || !label) {
					throw inputError(this, i, 'Price Types', `entry ${k + 1} needs a 3-letter currency and a price_label, e.g. ${PRICE_TYPES_EXAMPLE}`);
				}
				return { currency, price_label: label };
			});
			const record = compact(
				{
					customer_code: code,
					customer_name: name,
					email,
					buyer_name: extra.buyerName as string,
					phone: extra.phone as string,
					customer_group: extra.customerGroup as string,
					price_types: priceTypes.length ? priceTypes : undefined,
					billing_address: readJson(this, i, 'Billing Address', extra.billingAddress, 'object', ADDRESS_EXAMPLE),
					shipping_address: readJson(this, i, 'Shipping Address', extra.shippingAddress, 'object', ADDRESS_EXAMPLE),
				} as IDataObject,
				'deep',
			);
			return { record, key: code };
		},
		send: async (batch) =>
			await runBulkJob(
				this,
				{ path: '/v2/bulk-connection', body: { connections: { connection: batch.map((r) => r.record) } }, keyField: 'customer_code', wait },
				batch,
			),
	});
}
