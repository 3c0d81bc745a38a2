import { formatOmniDate } from '../../shared/dates';

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

export function inList(field: string, values: Array<string | number>): string {
	if (values.length === 1) return eq(field, values[0]);
	return `${field} IN (${values.map(quote).join(',')})`;
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

/** Splits a comma-separated parameter into trimmed, non-empty, de-duplicated values. */
export function splitList(value: unknown): string[] {
	const list = Array.isArray(value) ? value.map(String) : String(value ?? '').split(',');
	return [...new Set(list.map((v) => v.trim()).filter(Boolean))];
}
