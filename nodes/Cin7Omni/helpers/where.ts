import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { formatOmniDate } from '../../shared/dates';
import { readDate } from '../../shared/params';

/**
 * Builders for Omni's SQL-like `where` parameter. Values are quoted here, once, so a name with an
 * apostrophe (O'Brien) cannot break or widen a filter.
 */
export function quote(value: string | number): string {
	if (typeof value === 'number') return String(value);
	return `'${value.replace(/'/g, "''")}'`;
}

export function eq(field: string, value: string | number): string {
	return `${field}=${quote(value)}`;
}

/** `field IN (…)`, or `field=…` for one value; undefined for none (no filter). */
export function inList(field: string, values: Array<string | number>): string | undefined {
	if (!values.length) return undefined;
	if (values.length === 1) return eq(field, values[0]);
	return `${field} IN (${values.map(quote).join(',')})`;
}

/** `field=…` for a filter typed as text; undefined when it was left empty. */
export function textEq(field: string, value: unknown): string | undefined {
	const text = value === undefined || value === null ? '' : String(value).trim();
	return text ? eq(field, text) : undefined;
}

export function modifiedSince(date: Date): string {
	return `modifieddate>='${formatOmniDate(date)}'`;
}

/**
 * Joins clauses with AND, skipping empty ones; undefined when nothing filters. Omni documents only
 * AND-joined clauses, so a clause is bracketed only when it needs it (a user's raw filter with OR).
 */
export function joinWhere(clauses: Array<string | undefined>): string | undefined {
	const parts = clauses.map((c) => (c ?? '').trim()).filter(Boolean);
	if (!parts.length) return undefined;
	if (parts.length === 1) return parts[0];
	return parts.map((p) => (/\sOR\s/i.test(p) ? `(${p})` : p)).join(' AND ');
}

/**
 * The `where` of a Get Many from its Filters collection: Modified Since, then the operation's own
 * clauses, then the user's raw clause.
 */
export function getManyWhere(
	ctx: IExecuteFunctions,
	itemIndex: number,
	clauses: (filters: IDataObject) => Array<string | undefined>,
): string | undefined {
	const filters = ctx.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const since = readDate(ctx, itemIndex, 'Filters → Modified Since', filters.modifiedSince);
	return joinWhere([since ? modifiedSince(since) : undefined, ...clauses(filters), filters.where as string | undefined]);
}
