import type { IExecuteFunctions } from 'n8n-workflow';

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
