import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { inputError } from '../../shared/items';
import { EMAIL_FIELD, requireFieldId, type FieldIndex } from './fields';

/**
 * How a contact is identified in a call: a key field (email by default, any field id or a
 * custom key field) and the value of that field. Emarsys takes the key field per call
 * (`key_id`), so batches are sent per key field.
 */
export const keyFieldProperty: INodeProperties = {
	displayName: 'Key Field',
	name: 'keyField',
	type: 'string',
	default: 'email',
	placeholder: 'e.g. email',
	description:
		'The contact field that identifies contacts: email (field 3) by default, or another field by technical name or numeric ID (custom key fields must be indexed by Emarsys)',
};

export function keyValueProperty(description: string): INodeProperties {
	return {
		displayName: 'Key Value',
		name: 'keyValue',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. ann@example.com',
		description,
	};
}

export interface ContactKey {
	/** The key field's id, sent as `key_id`. */
	keyId: number;
	/** The key value as sent; an email is trimmed and lower-cased. */
	key: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The key of one item: its key field resolved to an id, its value checked (an email must be one). */
export function readKey(ctx: IExecuteFunctions, itemIndex: number, index: FieldIndex): ContactKey {
	const keyId = requireFieldId(ctx, itemIndex, 'Key Field', index, ctx.getNodeParameter('keyField', itemIndex, 'email'));
	const raw = ctx.getNodeParameter('keyValue', itemIndex, '');
	const text = raw === undefined || raw === null ? '' : String(raw).trim();
	if (!text) throw inputError(ctx, itemIndex, 'Key Value', 'is empty');
	if (keyId === EMAIL_FIELD) {
		if (!EMAIL.test(text)) throw inputError(ctx, itemIndex, 'Key Value', `is not a valid email address ("${text}")`);
		return { keyId, key: text.toLowerCase() };
	}
	return { keyId, key: text };
}

/**
 * A record's name in batch messages and its identity for the duplicate rule: the key value, with
 * the key field and the list or event it goes to when those are not the default.
 */
export function recordName(key: ContactKey, where = ''): string {
	return `${key.key}${key.keyId === EMAIL_FIELD ? '' : ` (field ${key.keyId})`}${where ? ` (${where})` : ''}`;
}

/** The key fields named by every item (for the one field lookup a batch needs). */
export const keyFieldOf = (ctx: IExecuteFunctions, i: number): unknown[] => [ctx.getNodeParameter('keyField', i, 'email')];

/**
 * Per-record failures of a batch answer, by key value (lower-cased): Emarsys answers 200 with
 * `data.errors` as `{ "<key>": { "<code>": "<text>" } }` (writes, event triggers) or as
 * `[{ key, errorCode, errorMsg }]` (getdata).
 */
export function errorsByKey(data: unknown): Map<string, string> {
	const out = new Map<string, string>();
	const errors = data && typeof data === 'object' ? (data as IDataObject).errors : undefined;
	if (Array.isArray(errors)) {
		for (const e of errors as IDataObject[]) {
			const key = String(e.key ?? e.external_id ?? '').trim().toLowerCase();
			if (key) out.set(key, `${String(e.errorCode ?? '')} ${String(e.errorMsg ?? e.message ?? '')}`.trim());
		}
	} else if (errors && typeof errors === 'object') {
		for (const [key, value] of Object.entries(errors as IDataObject)) {
			const text =
				value && typeof value === 'object'
					? Object.entries(value as IDataObject)
							.map(([code, msg]) => `${code}: ${String(msg)}`)
							.join('; ')
					: String(value);
			out.set(key.trim().toLowerCase(), text);
		}
	}
	return out;
}

/** Records of one batch grouped by key field, in batch order, for one call per key field. */
export function byKeyField<T extends { record: ContactKey }>(batch: T[]): Map<number, T[]> {
	const groups = new Map<number, T[]>();
	for (const r of batch) {
		const list = groups.get(r.record.keyId) ?? [];
		list.push(r);
		groups.set(r.record.keyId, list);
	}
	return groups;
}
