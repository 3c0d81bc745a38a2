import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import { inputError, type ItemResult } from '../../../shared/items';
import { compact, locatorValue, readJson, requiredText } from '../../../shared/params';
import { saleLocator } from '../../helpers/locators';
import { coreRequest } from '../../transport';

const properties: INodeProperties[] = [
	saleLocator,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Header fields to change; fields not set keep their current values',
		options: [
			{ displayName: 'Carrier', name: 'Carrier', type: 'string', default: '', description: 'Carrier the sale ships with' },
			{ displayName: 'Customer Reference', name: 'CustomerReference', type: 'string', default: '', description: 'The customer\'s own reference, e.g. their PO number' },
			{ displayName: 'Extra Fields (JSON)', name: 'extraJson', type: 'json', default: '{}', description: 'Any other sale header fields as Cin7 Core names them' },
			{ displayName: 'Note', name: 'Note', type: 'string', default: '', description: 'Note on the sale' },
			{ displayName: 'Ship By', name: 'ShipBy', type: 'dateTime', default: '', description: 'Date the sale must ship by' },
			{ displayName: 'Shipping Notes', name: 'ShippingNotes', type: 'string', default: '', description: 'Notes for whoever ships the sale' },
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['sale'], operation: ['update'] } }, properties);

/** Updates the sale header (PUT /sale); order lines belong to the order document. */
export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const id = requiredText(this, i, 'Sale', locatorValue(this, i, 'saleId'));
	const raw = { ...(this.getNodeParameter('updateFields', i, {}) as IDataObject) };
	const extra = readJson<IDataObject>(this, i, 'Extra Fields (JSON)', raw.extraJson, 'object') ?? {};
	delete raw.extraJson;
	const fields = { ...compact(raw, 'shallow'), ...extra };
	if (!Object.keys(fields).length) throw inputError(this, i, 'Update Fields', 'are empty: nothing to update');
	return await coreRequest.call(this, 'PUT', '/sale', undefined, { ...fields, ID: id });
}
