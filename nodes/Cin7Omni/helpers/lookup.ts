import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { chunk } from '../../shared/batching';
import { omniList, ORDER } from '../transport';
import { readString } from './keys';
import { inList } from './where';

/** Keys per lookup call: keeps the `where` short while saving calls against the daily budget. */
const LOOKUP_CHUNK = 50;

export interface Lookup {
	/** The first record found per key (lower case). */
	found: Map<string, IDataObject>;
	/** Why the lookup of a key (lower case) failed. */
	failed: Map<string, unknown>;
}

/**
 * Existing records whose `field` matches one of `values`, case-insensitively: one call per 50
 * keys, each asking for every spelling of its keys that was given. A failed call fails only the
 * keys it asked for.
 */
export async function lookupByKey(
	ctx: IExecuteFunctions,
	resource: string,
	field: string,
	values: string[],
): Promise<Lookup> {
	const found = new Map<string, IDataObject>();
	const failed = new Map<string, unknown>();
	const keys = [...new Set(values.map((v) => v.toLowerCase()))];
	for (const group of chunk(keys, LOOKUP_CHUNK)) {
		const spellings = [...new Set(values.filter((v) => group.includes(v.toLowerCase())))];
		try {
			const rows = await omniList.call(ctx, resource, { where: inList(field, spellings), order: ORDER.byId });
			for (const row of rows) {
				const key = (readString(row, field) ?? '').trim().toLowerCase();
				if (key && !found.has(key)) found.set(key, row);
			}
		} catch (error) {
			for (const key of group) failed.set(key, error);
		}
	}
	return { found, failed };
}
