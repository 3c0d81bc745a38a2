import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import type { ItemResult } from '../../../shared/items';
import { collectRows } from '../../../shared/pagination';
import { readLimit, returnAllProperties } from '../../../shared/returnAll';
import { fieldIndexFor, requireFieldId } from '../../helpers/fields';
import { emarsysRequest } from '../../transport';

/** `GET /contact/query` serves at most 10,000 contacts per call. */
export const QUERY_PAGE_SIZE = 10_000;

const properties: INodeProperties[] = [
	{
		displayName: 'Return Field',
		name: 'returnField',
		type: 'string',
		default: 'email',
		description: 'The field returned with each contact\'s ID (name or ID), e.g. email to compare with another system',
	},
	...returnAllProperties('contacts'),
];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['getAll'] } }, properties);

/**
 * Every contact's ID and one field (`GET /contact/query/?return=<field>`), 10,000 per call, read
 * page by page with limit and offset: what a reconciliation needs to find contacts that exist in
 * Emarsys only.
 */
export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const name = this.getNodeParameter('returnField', i, 'email');
	const index = await fieldIndexFor(this, [name]);
	const fieldId = requireFieldId(this, i, 'Return Field', index, name);
	const label = index.name(fieldId);
	return await collectRows<IDataObject>(
		async (page, pageSize) => {
			const data = await emarsysRequest.call(this, 'GET', '/contact/query/', {
				return: fieldId,
				limit: pageSize,
				offset: (page - 1) * pageSize,
			});
			const rows = Array.isArray(data.result) ? (data.result as IDataObject[]) : [];
			const total = Number(data.total);
			return {
				rows: rows.map((r) => ({ id: r.id, [label]: r[String(fieldId)] ?? null })),
				...(Number.isFinite(total) ? { total } : {}),
			};
		},
		QUERY_PAGE_SIZE,
		readLimit(this, i),
	);
}
