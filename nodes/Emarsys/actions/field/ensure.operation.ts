import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import { inputError, type ItemResult } from '../../../shared/items';
import { readFieldRows } from '../../helpers/fields';
import { createField, existingRow, findField, norm, type WantedField } from './createField';

/** The types a field can be created with through the API (choice fields cannot). */
const TYPES = ['shorttext', 'longtext', 'largetext', 'date', 'url', 'numeric'];

const properties: INodeProperties[] = [
	{
		displayName: 'Fields',
		name: 'fields',
		placeholder: 'Add Field',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		description: 'Custom contact fields that must exist, each with its type',
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
						placeholder: 'e.g. cin7_lifetime_value',
						description: 'The field\'s name; matched without regard to case against existing names and technical names',
					},
					{
						displayName: 'Type',
						name: 'type',
						type: 'options',
						options: [
							{ name: 'Date', value: 'date' },
							{ name: 'Large Text', value: 'largetext' },
							{ name: 'Long Text', value: 'longtext' },
							{ name: 'Numeric', value: 'numeric' },
							{ name: 'Short Text', value: 'shorttext' },
							{ name: 'URL', value: 'url' },
						],
						default: 'shorttext',
						description: 'Emarsys application type; an existing field keeps its own',
					},
				],
			},
		],
	},
	{
		displayName: 'On Type Conflict',
		name: 'onTypeConflict',
		type: 'options',
		options: [
			{ name: 'Fail the Item', value: 'error', description: 'Stop before anything is created, naming the conflicting fields' },
			{ name: 'Report in Output', value: 'report', description: 'Output the conflict as status "typeConflict" and carry on' },
		],
		default: 'error',
		description: 'What to do when a field exists with another type than the one asked for (it is never changed)',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['field'], operation: ['ensure'] } }, properties);

function readWanted(ctx: IExecuteFunctions, i: number): WantedField[] {
	const rows = (ctx.getNodeParameter('fields', i, {}) as { field?: IDataObject[] }).field ?? [];
	if (!rows.length) throw inputError(ctx, i, 'Fields', 'is empty: add at least one field');
	return rows.map((row, n) => {
		const name = String(row.name ?? '').trim();
		if (!name) throw inputError(ctx, i, `Fields row ${n + 1} Name`, 'is empty');
		const type = norm(row.type);
		if (!TYPES.includes(type)) throw inputError(ctx, i, `Fields row ${n + 1} Type`, `must be one of ${TYPES.join(', ')}`);
		return { name, type };
	});
}

/**
 * Creates the custom fields that are missing (`POST /field`, one per call). A field that exists
 * with another type is reported and never changed: values of the wrong type would be rejected or
 * mangled on every sync. The field list is read once per run; fields created join it. A create
 * that fails in a way that may have written is checked by reading the fields again (createField).
 */
export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const wanted = readWanted(this, i);
	const onConflict = this.getNodeParameter('onTypeConflict', i, 'error') as string;
	const rows = await readFieldRows(this);
	const find = (name: string) => findField(rows, name);

	const conflicts = wanted.filter((w) => {
		const have = find(w.name);
		return have && norm(have.application_type) !== w.type;
	});
	if (conflicts.length && onConflict === 'error') {
		const list = conflicts.map((c) => `${c.name} exists as ${String(find(c.name)?.application_type)}, not ${c.type}`).join('; ');
		throw new NodeOperationError(this.getNode(), `Item ${i}: Emarsys field type conflict: ${list}`, {
			itemIndex: i,
			description: 'Nothing was created for this item. Ask for the existing type, use another field name, or change the field in Emarsys.',
		});
	}

	const out: IDataObject[] = [];
	for (const w of wanted) {
		const have = find(w.name);
		out.push(have ? existingRow(w, have) : await createField(this, i, w, rows));
	}
	return out;
}
