import type { IDataObject } from 'n8n-workflow';

/**
 * Omni PUT treats an omitted or null field as "unchanged" but `""` as "clear it". A field left
 * empty in the UI must therefore be omitted, at every depth, never sent as an empty string.
 */
export function compact<T extends IDataObject>(record: T): T {
	const out: IDataObject = {};
	for (const [key, value] of Object.entries(record)) {
		const kept = compactValue(value);
		if (kept !== undefined) out[key] = kept;
	}
	return out as T;
}

function compactValue(value: unknown): unknown {
	if (value === undefined || value === null) return undefined;
	if (typeof value === 'string') return value.trim() === '' ? undefined : value;
	if (Array.isArray(value)) {
		const list = value.map(compactValue).filter((v) => v !== undefined);
		return list.length ? list : undefined;
	}
	if (typeof value === 'object' && !(value instanceof Date)) {
		const inner = compact(value as IDataObject);
		return Object.keys(inner).length ? inner : undefined;
	}
	return value;
}

/** Whether a record carries anything besides its id, i.e. whether a PUT would change something. */
export function hasChanges(record: IDataObject): boolean {
	return Object.keys(record).some((k) => k.toLowerCase() !== 'id');
}
