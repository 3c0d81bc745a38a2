import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { jsonParse } from 'n8n-workflow';

import { inputError } from '../../shared/items';

/** Deliberately loose: Dotdigital does the strict check; this catches blanks, typos and unmapped expressions. */
const EMAIL = /^[^\s@"<>,;()]+@[^\s@"<>,;()]+\.[^\s@"<>,;()]{2,}$/;

export function isEmail(value: string): boolean {
	return EMAIL.test(value);
}

/** A trimmed, valid email, or an error naming the item and the field. */
export function requireEmail(ctx: IExecuteFunctions, itemIndex: number, field: string, value: unknown): string {
	const email = typeof value === 'string' ? value.trim() : '';
	if (!email) throw inputError(ctx, itemIndex, field, 'is empty: map an email address into it');
	if (!isEmail(email)) {
		throw inputError(ctx, itemIndex, field, `is not a valid email address ("${String(value).slice(0, 100)}")`);
	}
	return email;
}

export function requireText(ctx: IExecuteFunctions, itemIndex: number, field: string, value: unknown): string {
	const text = value === undefined || value === null ? '' : String(value).trim();
	if (!text) throw inputError(ctx, itemIndex, field, 'is empty');
	return text;
}

/** A JSON parameter as an object: n8n hands over either a parsed object or the typed text. */
export function jsonObject(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: string,
	value: unknown,
): IDataObject {
	if (value === undefined || value === null || value === '') return {};
	let parsed: unknown = value;
	if (typeof value === 'string') {
		try {
			parsed = jsonParse(value);
		} catch {
			throw inputError(ctx, itemIndex, field, 'is not valid JSON');
		}
	}
	if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
		throw inputError(ctx, itemIndex, field, 'must be a JSON object, e.g. {"FIRSTNAME": "Ann"}');
	}
	return parsed as IDataObject;
}

/** List IDs from a multi-select, an array expression or a comma-separated text. */
export function listIds(ctx: IExecuteFunctions, itemIndex: number, field: string, value: unknown): number[] {
	const raw: unknown[] = Array.isArray(value)
		? value
		: value === undefined || value === null || value === ''
			? []
			: String(value).split(',');
	const ids: number[] = [];
	for (const entry of raw) {
		const text = String(entry).trim();
		if (!text) continue;
		const id = Number(text);
		if (!Number.isInteger(id) || id <= 0) {
			throw inputError(ctx, itemIndex, field, `contains "${text}", which is not a list ID`);
		}
		if (!ids.includes(id)) ids.push(id);
	}
	return ids;
}
