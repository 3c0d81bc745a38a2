import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { inputError } from '../../shared/items';
import { readJson } from '../../shared/params';

/** One quantity break: from `quantity` units on, each costs `price`. */
export interface PriceBreak {
	quantity: number;
	price: number;
}

/**
 * The Pricing field: a number is the price from quantity 1; a JSON array lists quantity breaks
 * (`[]` removes the SKU from the list, since SparkLayer replaces a sent SKU's prices).
 */
export function readPricing(ctx: IExecuteFunctions, itemIndex: number, value: unknown): PriceBreak[] {
	const field = 'Pricing';
	if (typeof value === 'number' || (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value))) {
		return [{ quantity: 1, price: priceOf(ctx, itemIndex, field, value) }];
	}
	const list = readJson<unknown[]>(ctx, itemIndex, field, value, 'array', '[{"quantity":1,"price":10.4},{"quantity":10,"price":9}]');
	if (list === undefined) throw inputError(ctx, itemIndex, field, 'is empty (give a price, or [] to remove the SKU from the list)');
	const seen = new Set<number>();
	const breaks = list.map((entry, n) => {
		const e = (entry ?? {}) as IDataObject;
		const quantity = Number(e.quantity);
		if (!Number.isInteger(quantity) || quantity < 1) {
			throw inputError(ctx, itemIndex, field, `entry ${n + 1} needs a whole quantity of at least 1 (got "${String(e.quantity ?? '')}")`);
		}
		if (seen.has(quantity)) throw inputError(ctx, itemIndex, field, `lists quantity ${quantity} twice`);
		seen.add(quantity);
		return { quantity, price: priceOf(ctx, itemIndex, `${field} entry ${n + 1}`, e.price) };
	});
	return breaks.sort((a, b) => a.quantity - b.quantity);
}

function priceOf(ctx: IExecuteFunctions, itemIndex: number, field: string, value: unknown): number {
	const price = typeof value === 'string' && value.trim() === '' ? NaN : Number(value);
	if (!Number.isFinite(price) || price < 0) {
		throw inputError(ctx, itemIndex, field, `needs a price of 0 or more (got "${String(value ?? '')}")`);
	}
	return Math.round(price * 10000) / 10000;
}

/** Display tax rate in percent (e.g. 20), optional. */
export function readTaxRate(ctx: IExecuteFunctions, itemIndex: number, value: unknown): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const rate = Number(value);
	if (!Number.isFinite(rate) || rate < 0 || rate > 100) {
		throw inputError(ctx, itemIndex, 'Display Tax Rate', `must be a percentage from 0 to 100 (got "${String(value)}")`);
	}
	return rate;
}
