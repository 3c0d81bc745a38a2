import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { inputError } from '../../shared/items';
import { pairsToObject } from '../../shared/params';

/** A folder picked from the store's folders, or typed / mapped as a name or an ID. */
export function folderProperty(name: string, displayName: string, description: string, required = true): INodeProperties {
	return {
		displayName,
		name,
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getFolders' },
		default: '',
		required,
		description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		hint: `${description}. An expression may give the folder's name or its ID.`,
	};
}

/** Name/value rows for `checkout_data` or `order_metadata`. */
export function pairsProperty(name: string, displayName: string, description: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Field',
		default: {},
		description,
		options: [
			{
				displayName: 'Field',
				name: 'field',
				values: [
					{ displayName: 'Name', name: 'name', type: 'string', default: '', description: 'The field name, e.g. ShipMethod' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '', description: 'The value to store' },
				],
			},
		],
	};
}

/** The rows of a pairs field as an object; a row with a value and no name is bad input. */
export function readPairs(ctx: IExecuteFunctions, i: number, name: string, label: string): IDataObject {
	const collection = ctx.getNodeParameter(name, i, {}) as IDataObject;
	for (const row of (collection.field as IDataObject[] | undefined) ?? []) {
		if (!String(row.name ?? '').trim() && String(row.value ?? '').trim()) {
			throw inputError(ctx, i, label, `has a value ("${String(row.value)}") without a name`);
		}
	}
	return pairsToObject(collection);
}
