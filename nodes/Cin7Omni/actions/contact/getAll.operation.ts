import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import { runPerItem } from '../../../shared/items';
import { readLimit, returnAllProperties } from '../../../shared/returnAll';
import { readDate, whereFilter } from '../../helpers/params';
import { readSubscriptionSource, withConsent } from '../../helpers/subscriptionOptions';
import { eq, joinWhere, modifiedSince } from '../../helpers/where';
import { omniList } from '../../transport';

const properties: INodeProperties[] = [
	...returnAllProperties(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '' },
			{
				displayName: 'Modified Since',
				name: 'modifiedSince',
				type: 'dateTime',
				default: '',
				description: 'Only contacts modified at or after this time (UTC)',
			},
			{
				displayName: 'Type',
				name: 'type',
				type: 'options',
				options: [
					{ name: 'Customer', value: 'Customer' },
					{ name: 'Supplier', value: 'Supplier' },
				],
				default: 'Customer',
			},
			whereFilter,
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['contact'], operation: ['getAll'] } },
	properties,
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runPerItem.call(this, async (i) => {
		const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
		const since = readDate(this, i, filters.modifiedSince, 'Filters → Modified Since');
		const where = joinWhere([
			since ? modifiedSince(since) : undefined,
			filters.type ? eq('type', filters.type as string) : undefined,
			filters.email ? eq('email', String(filters.email).trim()) : undefined,
			filters.where as string | undefined,
		]);
		const consent = readSubscriptionSource(this, i);
		const rows = await omniList.call(this, 'Contacts', { where, order: 'modifieddate ASC' }, readLimit(this, i));
		return rows.map((c) => withConsent(c, consent));
	});
}
