import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { parseUtc } from '../../shared/dates';
import { inputError } from '../../shared/items';

export function readDate(ctx: IExecuteFunctions, i: number, value: unknown, field: string): Date | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const date = parseUtc(value);
	if (!date) throw inputError(ctx, i, field, `is not a valid date ("${String(value)}")`);
	return date;
}

export function readId(ctx: IExecuteFunctions, i: number, name: string, field: string): number {
	const raw = ctx.getNodeParameter(name, i, '') as string | number;
	const id = Number(typeof raw === 'string' ? raw.trim() : raw);
	if (raw === '' || !Number.isInteger(id) || id <= 0) {
		throw inputError(ctx, i, field, `must be a positive whole number (got "${String(raw)}")`);
	}
	return id;
}

/** Turns a fixedCollection of name/value pairs into an object, skipping empty names. */
export function pairsToObject(collection: IDataObject | undefined, key = 'field'): IDataObject {
	const out: IDataObject = {};
	for (const pair of ((collection?.[key] as IDataObject[]) ?? [])) {
		const name = String(pair.name ?? '').trim();
		if (name) out[name] = pair.value as string;
	}
	return out;
}

/** Reads a JSON parameter that may already be an object (expressions) or a string. */
export function readJson(ctx: IExecuteFunctions, i: number, value: unknown, field: string): unknown {
	if (value === undefined || value === null || value === '') return undefined;
	if (typeof value !== 'string') return value;
	try {
		return JSON.parse(value);
	} catch {
		throw inputError(ctx, i, field, 'is not valid JSON');
	}
}

export const customFieldsProperty: INodeProperties = {
	displayName: 'Custom Fields',
	name: 'customFields',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Custom Field',
	default: {},
	options: [
		{
			displayName: 'Field',
			name: 'field',
			values: [
				{
					displayName: 'Name',
					name: 'name',
					type: 'string',
					default: '',
					description: 'The custom field API name, e.g. members_1000',
				},
				{
					displayName: 'Value',
					name: 'value',
					type: 'string',
					default: '',
					description: 'An empty value is not sent (so the field stays as it is)',
				},
			],
		},
	],
};

export const whereFilter: INodeProperties = {
	displayName: 'Where (Advanced)',
	name: 'where',
	type: 'string',
	default: '',
	placeholder: "e.g. company='Acme'",
	description:
		'Extra Omni where clause over top-level fields, joined with AND to the other filters. Quote strings with single quotes.',
};
