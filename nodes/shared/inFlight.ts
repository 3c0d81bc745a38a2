import type { IExecuteFunctions } from 'n8n-workflow';

import type { ItemResult } from './items';
import type { ItemOutcomes } from './operation';

/**
 * Per-item calls with a few in flight (docs/architecture.md, "Operations and the router"). A vendor
 * that allows a burst (Order Desk's leaky bucket) is paced by its transport, not by the time an
 * answer takes: one item at a time leaves the bucket's refill unused while each answer is on its
 * way. Here up to `limit` items run side by side, and
 * - items are started in input order, and outcomes are kept by input item, so the router emits
 *   them in input order, each paired with its own item;
 * - items that share a lane (the same order) run one after another in input order, so two writes
 *   to one record never race (a read-merge-write, notes in their order);
 * - without "continue on fail", a failure stops new items after it; items before it still run,
 *   as they would one at a time, and the router then stops on the first failed item. Items after
 *   it that were already on their way stay written (their outcomes are kept, not emitted).
 * Retries, throttling and recovery stay in the transport and the operation, once per item.
 */
export interface InFlightOptions {
	/** Items on their way at once (1 runs them one at a time). */
	limit: number;
	/** The item's lane: items with the same lane never overlap. Undefined: a lane of its own. */
	lane?: (itemIndex: number) => string | undefined;
}

export async function runItemsInFlight(
	ctx: IExecuteFunctions,
	execute: (itemIndex: number) => Promise<ItemResult>,
	options: InFlightOptions,
): Promise<ItemOutcomes> {
	const outcomes: ItemOutcomes = new Map();
	const count = ctx.getInputData().length;
	const limit = Math.max(1, Math.floor(options.limit));
	const continueOnFail = ctx.continueOnFail();
	let firstFailed = Number.POSITIVE_INFINITY;
	const laneTail = new Map<string, Promise<void>>();
	const running = new Set<Promise<void>>();

	const laneOf = (i: number): string | undefined => {
		if (!options.lane) return undefined;
		// A lane that cannot be read (bad input) is the item's own: the operation reports the input.
		try {
			return options.lane(i);
		} catch {
			return undefined;
		}
	};

	for (let i = 0; i < count && i <= firstFailed; i++) {
		while (running.size >= limit) await Promise.race(running);
		if (i > firstFailed) break;
		const lane = laneOf(i);
		const before = lane === undefined ? undefined : laneTail.get(lane);
		const task = (async () => {
			if (before) await before;
			if (i > firstFailed) return;
			try {
				outcomes.set(i, { ok: true, json: (await execute(i)) ?? null });
			} catch (error) {
				outcomes.set(i, { ok: false, error });
				if (!continueOnFail) firstFailed = Math.min(firstFailed, i);
			}
		})();
		const settled = task.finally(() => running.delete(settled));
		running.add(settled);
		if (lane !== undefined) laneTail.set(lane, task);
	}
	await Promise.all(running);
	return outcomes;
}
