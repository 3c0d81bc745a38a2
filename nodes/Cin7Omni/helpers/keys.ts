import type { IDataObject } from 'n8n-workflow';

/**
 * Omni serves camelCase (`stockOnHand`) while its docs show PascalCase (`StockOnHand`), and batch
 * results have been seen in both. Every read of a vendor key goes through here.
 */
export function readKey(obj: unknown, key: string): unknown {
	if (!obj || typeof obj !== 'object') return undefined;
	const record = obj as IDataObject;
	if (key in record) return record[key];
	const wanted = key.toLowerCase();
	for (const [k, v] of Object.entries(record)) {
		if (k.toLowerCase() === wanted) return v;
	}
	return undefined;
}

export function readString(obj: unknown, key: string): string | undefined {
	const v = readKey(obj, key);
	if (v === undefined || v === null) return undefined;
	return String(v);
}

export function readNumber(obj: unknown, key: string): number | undefined {
	const v = readKey(obj, key);
	if (v === undefined || v === null || v === '') return undefined;
	const n = Number(v);
	return Number.isFinite(n) ? n : undefined;
}
