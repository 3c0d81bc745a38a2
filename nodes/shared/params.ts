import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { parseUtc } from './dates';
import { inputError } from './items';

/**
 * The one parameter kit (docs/architecture.md, "Parameters"): readers for what users type or map
 * into node fields. Every reader that can fail names the item and the field through `inputError`.
 */

/**
 * A list typed by a user (comma- or newline-separated) or mapped as an array: trimmed, empty
 * entries dropped, repeats dropped (first occurrence kept, order kept).
 */
export function splitList(value: unknown): string[] {
	const raw = Array.isArray(value)
		? value.map((v) => (v === undefined || v === null ? '' : String(v)))
		: value === undefined || value === null
			? []
			: String(value).split(/[,\n]/);
	return [...new Set(raw.map((v) => v.trim()).filter(Boolean))];
}

/** Case- and space-insensitive equality of two values as text (emails, tags, names). */
export const same = (a: unknown, b: unknown): boolean =>
	String(a ?? '').trim().toLowerCase() === String(b ?? '').trim().toLowerCase();

const isEmpty = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/**
 * Drops what a user left empty so it never overwrites vendor data. `shallow` drops undefined,
 * null and blank strings at the top level only; `deep` does so at every depth and also drops
 * arrays and objects left empty (Cin7 Omni treats `""` as "clear the field" at any depth).
 */
export function compact<T extends IDataObject>(record: T, depth: 'shallow' | 'deep' = 'shallow'): T {
	const out: IDataObject = {};
	for (const [key, value] of Object.entries(record)) {
		const kept = depth === 'deep' ? compactDeep(value) : isEmpty(value) ? undefined : value;
		if (kept !== undefined) out[key] = kept as IDataObject[string];
	}
	return out as T;
}

function compactDeep(value: unknown): unknown {
	if (isEmpty(value)) return undefined;
	if (Array.isArray(value)) {
		const list = value.map(compactDeep).filter((v) => v !== undefined);
		return list.length ? list : undefined;
	}
	if (typeof value === 'object' && !(value instanceof Date)) {
		const inner = compact(value as IDataObject, 'deep');
		return Object.keys(inner).length ? inner : undefined;
	}
	return value;
}

/** Text that must not be empty. */
export function requiredText(ctx: IExecuteFunctions, itemIndex: number, field: string, value: unknown): string {
	const text = value === undefined || value === null ? '' : String(value).trim();
	if (!text) throw inputError(ctx, itemIndex, field, 'is empty');
	return text;
}

/** A date typed or mapped by a user (UTC unless it names a zone); empty gives undefined. */
export function readDate(ctx: IExecuteFunctions, itemIndex: number, field: string, value: unknown): Date | undefined {
	if (isEmpty(value)) return undefined;
	const date = parseUtc(value);
	if (!date) throw inputError(ctx, itemIndex, field, `is not a valid date ("${String(value)}")`);
	return date;
}

/**
 * The value of a record field (a resource locator, nodes/shared/resourceLocator.ts) in whichever
 * mode it was set, or the plain text a workflow saved before the field became a locator. Validate
 * it with the readers here (`requiredText`, `readId`), as any typed value.
 */
export function locatorValue(ctx: IExecuteFunctions, itemIndex: number, name: string): unknown {
	return ctx.getNodeParameter(name, itemIndex, '', { extractValue: true });
}

/** A record id that must be a positive whole number. */
export function readId(ctx: IExecuteFunctions, itemIndex: number, field: string, value: unknown): number {
	const text = typeof value === 'string' ? value.trim() : value;
	const id = Number(text);
	if (text === '' || text === undefined || text === null || !Number.isInteger(id) || id <= 0) {
		throw inputError(ctx, itemIndex, field, `must be a positive whole number (got "${String(value ?? '')}")`);
	}
	return id;
}

/**
 * A JSON field: n8n hands over either the typed text or an already parsed value (expressions).
 * `expect` checks the shape; `example` shows the user what is wanted. Empty gives undefined.
 */
export function readJson<T = unknown>(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: string,
	value: unknown,
	expect: 'object' | 'array' | 'any' = 'any',
	example?: string,
): T | undefined {
	if (isEmpty(value)) return undefined;
	let parsed: unknown = value;
	if (typeof value === 'string') {
		try {
			parsed = JSON.parse(value);
		} catch {
			throw inputError(ctx, itemIndex, field, 'is not valid JSON');
		}
	}
	const isArray = Array.isArray(parsed);
	const wrong =
		expect === 'array' ? !isArray : expect === 'object' ? isArray || typeof parsed !== 'object' || parsed === null : false;
	if (wrong) throw inputError(ctx, itemIndex, field, `must be a JSON ${expect}${example ? `, e.g. ${example}` : ''}`);
	return parsed as T;
}

/** Name/value rows of a fixedCollection as an object, skipping rows without a name. */
export function pairsToObject(collection: IDataObject | undefined, key = 'field'): IDataObject {
	const out: IDataObject = {};
	for (const pair of (collection?.[key] as IDataObject[] | undefined) ?? []) {
		const name = String(pair.name ?? '').trim();
		if (name) out[name] = pair.value as string;
	}
	return out;
}

/** A rate or budget from a credential: a positive number, else the vendor's documented default. */
export function positiveNumber(value: unknown, fallback: number): number {
	const n = Number(value);
	return Number.isFinite(n) && n > 0 ? n : fallback;
}
