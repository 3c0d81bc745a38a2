import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { formatCoreDate, parseUtc } from '../../shared/dates';
import { inputError } from '../../shared/items';

/** A comma- or newline-separated list typed by a user. */
export function splitList(value: unknown): string[] {
	if (Array.isArray(value)) return value.map((v) => String(v).trim()).filter(Boolean);
	if (value === undefined || value === null) return [];
	return String(value)
		.split(/[,\n]/)
		.map((v) => v.trim())
		.filter(Boolean);
}

/** A JSON field (string or already-parsed object); a parse failure names the item and the field. */
export function parseJsonField<T = IDataObject>(
	ctx: IExecuteFunctions,
	i: number,
	field: string,
	value: unknown,
	expect: 'object' | 'array',
): T | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	let parsed: unknown = value;
	if (typeof value === 'string') {
		if (!value.trim()) return undefined;
		try {
			parsed = JSON.parse(value);
		} catch {
			throw inputError(ctx, i, field, 'is not valid JSON');
		}
	}
	const isArray = Array.isArray(parsed);
	if (expect === 'array' ? !isArray : isArray || typeof parsed !== 'object' || parsed === null) {
		throw inputError(ctx, i, field, `must be a JSON ${expect}`);
	}
	return parsed as T;
}

/** A date typed by a user, in Cin7 Core's UTC filter format. */
export function coreDateParam(ctx: IExecuteFunctions, i: number, field: string, value: unknown): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const date = parseUtc(value);
	if (!date) throw inputError(ctx, i, field, `is not a valid date: "${String(value)}"`);
	return formatCoreDate(date);
}

/** Required text; a missing value names the item and the field. */
export function requiredText(ctx: IExecuteFunctions, i: number, field: string, label: string): string {
	const value = String(ctx.getNodeParameter(field, i, '') ?? '').trim();
	if (!value) throw inputError(ctx, i, label, 'is empty');
	return value;
}

/** Drops empty values a user left in a collection, so they never overwrite Cin7 data. */
export function compact(fields: IDataObject): IDataObject {
	const out: IDataObject = {};
	for (const [k, v] of Object.entries(fields)) if (v !== undefined && v !== null && v !== '') out[k] = v;
	return out;
}

export const same = (a: unknown, b: unknown) =>
	String(a ?? '').trim().toLowerCase() === String(b ?? '').trim().toLowerCase();
