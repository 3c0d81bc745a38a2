import { readKey } from './keys';

/** Omni's verdict on one record of a POST or PUT array. */
export interface WriteResult {
	index?: number;
	success: boolean;
	id?: number | string;
	code?: string;
	errors: string[];
}

function errorText(e: unknown): string {
	if (typeof e === 'string') return e;
	if (e && typeof e === 'object') {
		const m = readKey(e, 'message') ?? readKey(e, 'error') ?? readKey(e, 'errorMessage');
		if (m !== undefined) return String(m);
	}
	return JSON.stringify(e);
}

/** Reads one per-record result whatever the key casing (`success`/`Success`, `errors`/`Errors`). */
export function readWriteResult(raw: unknown): WriteResult {
	const rawErrors = readKey(raw, 'errors');
	const errors = (Array.isArray(rawErrors) ? rawErrors : rawErrors ? [rawErrors] : []).map(errorText);
	const success = readKey(raw, 'success');
	const id = readKey(raw, 'id') as number | string | undefined;
	const index = readKey(raw, 'index');
	const code = readKey(raw, 'code');
	return {
		index: typeof index === 'number' ? index : index !== undefined && index !== null ? Number(index) : undefined,
		// A result without a success flag counts as success only when it names an id and no errors.
		success: success === undefined ? !errors.length && id !== undefined && id !== null : success === true || String(success).toLowerCase() === 'true',
		id: id === null ? undefined : id,
		code: code === undefined || code === null ? undefined : String(code),
		errors,
	};
}
