/**
 * A lookup shared by every item of one run (a location list, the branches, all lists or data
 * fields), read when the first item needs it. n8n builds a new context for each execution and
 * each poll, and the router runs every item of a run with that one context, so the context
 * identifies the run and the cached value goes with it. A failed read is not kept: the next item
 * asks again.
 */
const runs = new WeakMap<object, Map<string, Promise<unknown>>>();

export async function oncePerRun<T>(ctx: object, name: string, read: () => Promise<T>): Promise<T> {
	let entries = runs.get(ctx);
	if (!entries) {
		entries = new Map();
		runs.set(ctx, entries);
	}
	let pending = entries.get(name) as Promise<T> | undefined;
	if (!pending) {
		pending = read();
		entries.set(name, pending);
		const forget = entries;
		pending.catch(() => forget.delete(name));
	}
	return await pending;
}
