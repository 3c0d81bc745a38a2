import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { inputError } from '../../shared/items';
import { readJson } from '../../shared/params';

/** A number a user typed or mapped; empty gives undefined. */
export function readNumber(
	ctx: IExecuteFunctions,
	i: number,
	field: string,
	value: unknown,
	rule: { min?: number; whole?: boolean } = {},
): number | undefined {
	if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return undefined;
	const n = Number(value);
	if (!Number.isFinite(n)) throw inputError(ctx, i, field, `is not a number ("${String(value)}")`);
	if (rule.whole && !Number.isInteger(n)) throw inputError(ctx, i, field, `must be a whole number (got ${n})`);
	if (rule.min !== undefined && n < rule.min) throw inputError(ctx, i, field, `must be at least ${rule.min} (got ${n})`);
	return n;
}

/** A JSON array of objects (typed or mapped); empty gives []. */
export function readObjects(ctx: IExecuteFunctions, i: number, field: string, value: unknown, example: string): IDataObject[] {
	const list = readJson<unknown[]>(ctx, i, field, value, 'array', example) ?? [];
	list.forEach((row, k) => {
		if (!row || typeof row !== 'object' || Array.isArray(row)) {
			throw inputError(ctx, i, field, `entry ${k + 1} must be an object, e.g. ${example}`);
		}
	});
	return list as IDataObject[];
}
