import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import { inputError, withItemIndex, type ItemResult } from '../../../shared/items';
import { getDataFieldList } from '../../helpers/dataFields';
import { oncePerRun } from '../../../shared/runCache';
import { dotdigitalRequest } from '../../transport';

const TYPES = ['Boolean', 'Date', 'Numeric', 'String'];

const properties: INodeProperties[] = [
	{
		displayName: 'Data Fields',
		name: 'dataFields',
		placeholder: 'Add Data Field',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		description: 'Data fields that must exist, each with its type',
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
						placeholder: 'e.g. CUSTOMER_ID',
						description: 'Up to 20 letters, digits, _ or -',
					},
					{
						displayName: 'Type',
						name: 'type',
						type: 'options',
						options: TYPES.map((t) => ({ name: t, value: t })),
						default: 'String',
						description: 'Type of the values the field holds; an existing field keeps its own type',
					},
					{
						displayName: 'Default Value',
						name: 'defaultValue',
						type: 'string',
						default: '',
						description: 'Value of the field for contacts without one; leave empty for none',
					},
				],
			},
		],
	},
	{
		displayName: 'Visibility',
		name: 'visibility',
		type: 'options',
		options: [
			{ name: 'Private', value: 'Private' },
			{ name: 'Public', value: 'Public' },
		],
		default: 'Private',
		description: 'Visibility of the fields this operation creates',
	},
	{
		displayName: 'On Type Conflict',
		name: 'onTypeConflict',
		type: 'options',
		options: [
			{
				name: 'Fail the Item',
				value: 'error',
				description: 'Stop before anything is created, naming the conflicting fields',
			},
			{
				name: 'Report in Output',
				value: 'report',
				description: 'Output the conflict as status "typeConflict" and carry on',
			},
		],
		default: 'error',
		description: 'What to do when a field exists with another type than the one asked for',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['dataField'], operation: ['ensure'] } },
	properties,
);

const NAME = /^[A-Za-z0-9_-]{1,20}$/;

interface Wanted {
	name: string;
	type: string;
	defaultValue?: string;
}

function readWanted(ctx: IExecuteFunctions, i: number): Wanted[] {
	const ui = ctx.getNodeParameter('dataFields', i, {}) as { field?: IDataObject[] };
	const rows = ui.field ?? [];
	if (!rows.length) throw inputError(ctx, i, 'Data Fields', 'is empty: add at least one field');
	return rows.map((row, n) => {
		const name = String(row.name ?? '').trim();
		const label = `Data Fields row ${n + 1} Name`;
		if (!NAME.test(name)) {
			throw inputError(ctx, i, label, `"${name}" is not a valid data field name (1–20 letters, digits, _ or -)`);
		}
		const type = TYPES.find((t) => t.toLowerCase() === String(row.type ?? '').toLowerCase());
		if (!type) throw inputError(ctx, i, `Data Fields row ${n + 1} Type`, `must be one of ${TYPES.join(', ')}`);
		const defaultValue = String(row.defaultValue ?? '');
		return { name, type, ...(defaultValue ? { defaultValue } : {}) };
	});
}

/**
 * Creates the data fields that are missing. A field that exists with another type is never
 * written over: values of the wrong type would be silently rejected or mangled on every sync.
 * The fields are read once per run; what this run creates or re-reads joins that snapshot.
 */
export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const readFields = async () =>
		new Map((await getDataFieldList.call(this)).map((f) => [String(f.name).toUpperCase(), f] as const));

	const wanted = readWanted(this, i);
	const visibility = this.getNodeParameter('visibility', i, 'Private') as string;
	const onConflict = this.getNodeParameter('onTypeConflict', i, 'error') as string;
	const fields = await oncePerRun(this, 'dotdigitalDataFields', readFields);

	const conflicts = wanted.filter((w) => {
		const have = fields.get(w.name.toUpperCase());
		return have && String(have.type).toLowerCase() !== w.type.toLowerCase();
	});
	if (conflicts.length && onConflict === 'error') {
		const list = conflicts
			.map((c) => `${c.name} exists as ${String(fields.get(c.name.toUpperCase())?.type)}, not ${c.type}`)
			.join('; ');
		throw new NodeOperationError(this.getNode(), `Item ${i}: data field type conflict: ${list}`, {
			itemIndex: i,
			description:
				'Nothing was created for this item. Change the requested type to the existing one, use another field name, or change the field in Dotdigital.',
		});
	}

	const out: IDataObject[] = [];
	for (const w of wanted) {
		const have = fields.get(w.name.toUpperCase());
		if (have) {
			const same = String(have.type).toLowerCase() === w.type.toLowerCase();
			out.push({
				name: have.name as string,
				type: w.type,
				existingType: have.type as string,
				status: same ? 'exists' : 'typeConflict',
			});
			continue;
		}
		try {
			const created = await dotdigitalRequest.call(
				this,
				'POST',
				'/v2/data-fields',
				undefined,
				{ name: w.name, type: w.type, visibility, ...(w.defaultValue ? { defaultValue: w.defaultValue } : {}) },
				// A repeat after a 502 / dropped connection that did create the field answers
				// ERROR_NON_UNIQUE_DATAFIELD, handled below: safe to retry.
				{ idempotent: true },
			);
			fields.set(w.name.toUpperCase(), { ...created, name: created.name ?? w.name, type: created.type ?? w.type });
			out.push({ name: w.name, type: w.type, status: 'created' });
		} catch (error) {
			// Created meanwhile by another run: re-read and report what is there now.
			if (!String((error as Error).message).includes('ERROR_NON_UNIQUE_DATAFIELD')) throw withItemIndex(this, error, i);
			for (const [key, field] of await readFields()) fields.set(key, field);
			const now = fields.get(w.name.toUpperCase());
			const same = String(now?.type ?? '').toLowerCase() === w.type.toLowerCase();
			out.push({ name: w.name, type: w.type, existingType: now?.type as string, status: same ? 'exists' : 'typeConflict' });
		}
	}
	return out;
}
