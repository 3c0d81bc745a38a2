import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { parseUtc } from '../../../shared/dates';
import { updateDisplayOptions } from '../../../shared/displayOptions';
import { inputError, type ItemResult } from '../../../shared/items';
import { takeRows } from '../../../shared/pagination';
import { readLimit, returnAllProperties } from '../../../shared/returnAll';
import { suppressionPages, type SuppressionKind } from '../../helpers/suppression';

const properties: INodeProperties[] = [
	{
		displayName: 'Kind',
		name: 'kind',
		type: 'options',
		options: [
			{
				name: 'All Suppressions',
				value: 'suppressed',
				description: 'Unsubscribes, bounces, complaints and every other suppression reason',
			},
			{ name: 'Unsubscribes Only', value: 'unsubscribed', description: 'Contacts who unsubscribed' },
		],
		default: 'suppressed',
		description: 'Which suppressions to return',
	},
	{
		displayName: 'Since',
		name: 'since',
		type: 'dateTime',
		default: '',
		required: true,
		description: 'Return contacts suppressed at or after this moment (UTC unless the value carries a zone)',
	},
	...returnAllProperties(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['suppression'], operation: ['getAll'] } },
	properties,
);

/** GET /v2/contacts/{suppressed|unsubscribed}-since/{date}, paged; one item per suppressed contact. */
export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const since = parseUtc(this.getNodeParameter('since', i));
	if (!since) throw inputError(this, i, 'Since', 'is not a date');
	const kind = this.getNodeParameter('kind', i, 'suppressed') as SuppressionKind;
	const limit = readLimit(this, i);
	return await takeRows(suppressionPages.call(this, kind, since, limit), limit);
}
