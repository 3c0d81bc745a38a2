import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { inputError } from '../../../shared/items';
import { compact, requiredText, splitList } from '../../../shared/params';
import { readNumber, readObjects } from '../../helpers/records';

/** `delivery_overwrite`: how a style's linesheets in the request combine with those it has. */
export const LINESHEET_MODES = { replaceAll: 1, replaceApiCreated: 2, add: 3, remove: 4 } as const;
export type LinesheetMode = keyof typeof LINESHEET_MODES;

export const styleKeyProperties: INodeProperties[] = [
	{
		displayName: 'Style Number',
		name: 'styleNumber',
		type: 'string',
		required: true,
		default: '',
		description: 'JOOR style number (at most 45 characters), e.g. the Cin7 product family or product SKU',
	},
	{
		displayName: 'Style Identifier',
		name: 'styleIdentifier',
		type: 'string',
		default: '',
		description: 'JOOR\'s unique key of the style (at most 100 characters). Empty: the style number.',
	},
];

export const VARIANTS_EXAMPLE = '[{"color_code":"BLK","color_name":"Black","size":"M","upc":"0123456789012"}]';
export const PRICES_EXAMPLE = '[{"currency":"USD","price_label":"Wholesale USD","wholesale":25,"retail":60}]';

export interface StyleKey {
	style_number: string;
	style_identifier: string;
}

/** Style number and identifier of item i, within JOOR's lengths. */
export function readStyleKey(ctx: IExecuteFunctions, i: number): StyleKey {
	const number = requiredText(ctx, i, 'Style Number', ctx.getNodeParameter('styleNumber', i, ''));
	if (number.length > 45) throw inputError(ctx, i, 'Style Number', `is longer than 45 characters ("${number}")`);
	const identifier = String(ctx.getNodeParameter('styleIdentifier', i, '') ?? '').trim() || number;
	if (identifier.length > 100) throw inputError(ctx, i, 'Style Identifier', 'is longer than 100 characters');
	return { style_number: number, style_identifier: identifier };
}

/** Colour × size variants: colours and sizes in first-seen order, SKUs with their UPCs. */
export function readVariants(ctx: IExecuteFunctions, i: number, value: unknown): IDataObject {
	const rows = readObjects(ctx, i, 'Variants', value, VARIANTS_EXAMPLE);
	const colors = new Map<string, IDataObject>();
	const sizes: string[] = [];
	const skus: IDataObject[] = [];
	const upcs = new Set<string>();
	rows.forEach((row, k) => {
		const color = String(row.color_code ?? '').trim();
		const size = String(row.size ?? '').trim();
		if (!color) throw inputError(ctx, i, 'Variants', `entry ${k + 1} has no color_code`);
		if (!colors.has(color)) colors.set(color, compact({ color_code: color, color_name: String(row.color_name ?? '').trim() }));
		if (size && !sizes.includes(size)) sizes.push(size);
		const upc = String(row.upc ?? '').trim();
		if (upc) {
			if (upcs.has(upc)) throw inputError(ctx, i, 'Variants', `repeats the UPC "${upc}"`);
			upcs.add(upc);
		}
		skus.push(compact({ color_code: color, size, upc }));
	});
	if (!rows.length) return {};
	return { colors: [...colors.values()], sizes: sizes.map((size) => ({ size })), skus };
}

/** Prices per currency and price label (JOOR price type); wholesale required, retail optional. */
export function readPrices(ctx: IExecuteFunctions, i: number, value: unknown): IDataObject[] {
	const rows = readObjects(ctx, i, 'Prices', value, PRICES_EXAMPLE);
	const seen = new Set<string>();
	return rows.map((row, k) => {
		const currency = String(row.currency ?? '').trim().toUpperCase();
		if (!/^[A-Z]{3}$/.test(currency)) throw inputError(ctx, i, 'Prices', `entry ${k + 1} needs a 3-letter currency (got "${String(row.currency ?? '')}")`);
		const label = String(row.price_label ?? '').trim();
		const key = `${currency}|${label}`;
		if (seen.has(key)) throw inputError(ctx, i, 'Prices', `repeats the price type ${label || currency}`);
		seen.add(key);
		const wholesale = readNumber(ctx, i, `Prices entry ${k + 1} wholesale`, row.wholesale, { min: 0 });
		if (wholesale === undefined) throw inputError(ctx, i, 'Prices', `entry ${k + 1} has no wholesale price`);
		const retail = readNumber(ctx, i, `Prices entry ${k + 1} retail`, row.retail, { min: 0 });
		return compact({ currency, price_label: label, wholesale, retail });
	});
}

/** The linesheets named for item i, as JOOR deliveries. */
export function readDeliveries(value: unknown): IDataObject[] {
	return splitList(value).map((linesheet) => ({ linesheet }));
}
