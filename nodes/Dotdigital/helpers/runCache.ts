import type { IExecuteFunctions } from 'n8n-workflow';

/**
 * A lookup shared by the items of one run (all lists, all data fields), read once when the first
 * item needs it. The router runs every item of a run with the same context and n8n builds a new
 * context for each run, so the context identifies the run and the cache goes with it.
 */
const runs = new WeakMap<object, Map<string, unknown>>();

export function runCache<T>(ctx: IExecuteFunctions, name: string) {
	let entries = runs.get(ctx);
	if (!entries) {
		entries = new Map();
		runs.set(ctx, entries);
	}
	const store = entries;
	return {
		get: (): T | undefined => store.get(name) as T | undefined,
		set: (value: T): T => {
			store.set(name, value);
			return value;
		},
	};
}
