import type { IExecuteFunctions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { runItemsInFlight } from '../../../nodes/shared/inFlight';

/** A context with `count` input items; only what the runner reads. */
const ctxOf = (count: number, continueOnFail = false) =>
	({
		getInputData: () => Array.from({ length: count }, (_, i) => ({ json: { i } })),
		continueOnFail: () => continueOnFail,
	}) as unknown as IExecuteFunctions;

/** Items that finish when the test says so, recording starts, ends and the most running at once. */
function controlled() {
	const started: number[] = [];
	const finished: number[] = [];
	const release = new Map<number, (fail?: string) => void>();
	let running = 0;
	let most = 0;
	const execute = async (i: number) => {
		started.push(i);
		running++;
		most = Math.max(most, running);
		const fail = await new Promise<string | undefined>((resolve) => release.set(i, resolve));
		running--;
		finished.push(i);
		if (fail) throw new Error(fail);
		return { i };
	};
	/** Lets the runner reach its next wait. */
	const settle = async () => await sleep(0);
	return { started, finished, release, execute, settle, most: () => most };
}

describe('runItemsInFlight', () => {
	it('keeps at most `limit` items on their way and returns each outcome on its own item, whatever order they finish in', async () => {
		const c = controlled();
		const done = runItemsInFlight(ctxOf(6), c.execute, { limit: 3 });
		await c.settle();
		expect(c.started).toEqual([0, 1, 2]);
		// Answers come back out of order: the third first.
		c.release.get(2)?.();
		await c.settle();
		expect(c.started).toEqual([0, 1, 2, 3]);
		for (const i of [3, 1, 0]) {
			c.release.get(i)?.();
			await c.settle();
		}
		for (const i of [5, 4]) {
			c.release.get(i)?.();
			await c.settle();
		}
		const outcomes = await done;
		expect(c.most()).toBe(3);
		expect([...outcomes.keys()].sort()).toEqual([0, 1, 2, 3, 4, 5]);
		for (const [i, o] of outcomes) expect(o).toEqual({ ok: true, json: { i } });
	});

	it('runs items of one lane one after another, in input order, while other lanes go on', async () => {
		const c = controlled();
		const lanes = ['A', 'B', 'A', 'C', 'A'];
		const done = runItemsInFlight(ctxOf(5), c.execute, { limit: 4, lane: (i) => lanes[i] });
		await c.settle();
		// 0 (A), 1 (B) and 3 (C) start; 2 waits for 0, and holds the fourth place.
		expect(c.started).toEqual([0, 1, 3]);
		c.release.get(0)?.();
		await c.settle();
		expect(c.started).toEqual([0, 1, 3, 2]);
		for (const i of [1, 3]) c.release.get(i)?.();
		await c.settle();
		// 4 (A) is queued behind 2 although places are free.
		expect(c.started).toEqual([0, 1, 3, 2]);
		c.release.get(2)?.();
		await c.settle();
		expect(c.started).toEqual([0, 1, 3, 2, 4]);
		c.release.get(4)?.();
		const outcomes = await done;
		expect(outcomes.size).toBe(5);
	});

	it('gives a lane that cannot be read (bad input) a lane of its own, so the item reports its input error', async () => {
		const seen: number[] = [];
		const outcomes = await runItemsInFlight(
			ctxOf(2, true),
			async (i) => {
				seen.push(i);
				if (i === 1) throw new Error('Item 1: Order must be a positive whole number');
				return { i };
			},
			{
				limit: 2,
				lane: (i) => {
					if (i === 1) throw new Error('unreadable');
					return 'A';
				},
			},
		);
		expect(seen.sort()).toEqual([0, 1]);
		expect(outcomes.get(1)).toMatchObject({ ok: false, error: { message: 'Item 1: Order must be a positive whole number' } });
	});

	it('with "continue on fail", runs every item and keeps a failure on its own item', async () => {
		const outcomes = await runItemsInFlight(
			ctxOf(5, true),
			async (i) => {
				if (i === 1 || i === 3) throw new Error(`no order ${i}`);
				return { i };
			},
			{ limit: 4 },
		);
		expect([...outcomes.entries()].sort(([a], [b]) => a - b).map(([i, o]) => [i, o.ok])).toEqual([
			[0, true],
			[1, false],
			[2, true],
			[3, false],
			[4, true],
		]);
		expect(outcomes.get(3)).toMatchObject({ ok: false, error: { message: 'no order 3' } });
	});

	it('without "continue on fail", starts nothing after a failed item but finishes every item before it', async () => {
		const c = controlled();
		const lanes = ['A', 'B', 'A', 'C', 'A', 'D', 'E'];
		const done = runItemsInFlight(ctxOf(7), c.execute, { limit: 5, lane: (i) => lanes[i] });
		await c.settle();
		// 2 waits behind 0 and 4 behind 2 (lane A), each holding a place: 0, 1, 3 are on their way.
		expect(c.started).toEqual([0, 1, 3]);
		c.release.get(3)?.('no order 3');
		await c.settle();
		// 2 comes before the failed item: it still runs once 0 is done, as one at a time it would have.
		c.release.get(0)?.();
		await c.settle();
		expect(c.started).toEqual([0, 1, 3, 2]);
		c.release.get(2)?.();
		await c.settle();
		c.release.get(1)?.();
		const outcomes = await done;
		// 4 (waiting in lane A), 5 and 6 come after it: never started.
		expect(c.started).toEqual([0, 1, 3, 2]);
		expect(outcomes.get(3)).toMatchObject({ ok: false, error: { message: 'no order 3' } });
		expect([0, 1, 2].map((i) => outcomes.get(i)?.ok)).toEqual([true, true, true]);
		expect([4, 5, 6].map((i) => outcomes.has(i))).toEqual([false, false, false]);
	});

	it('without "continue on fail", keeps the outcome of an item after the failure that was already on its way', async () => {
		const c = controlled();
		const done = runItemsInFlight(ctxOf(4), c.execute, { limit: 3 });
		await c.settle();
		expect(c.started).toEqual([0, 1, 2]);
		c.release.get(0)?.('no order 0');
		await c.settle();
		c.release.get(2)?.();
		c.release.get(1)?.();
		const outcomes = await done;
		expect(c.started).toEqual([0, 1, 2]);
		// What 1 and 2 wrote stays written; the router stops on item 0 and emits neither.
		expect([...outcomes.keys()].sort()).toEqual([0, 1, 2]);
		expect(outcomes.get(0)?.ok).toBe(false);
	});

	it('with a limit of 1 runs strictly one item after another', async () => {
		const c = controlled();
		const done = runItemsInFlight(ctxOf(3), c.execute, { limit: 1 });
		for (let i = 0; i < 3; i++) {
			await c.settle();
			expect(c.started).toEqual([...Array(i + 1).keys()]);
			c.release.get(i)?.();
		}
		await done;
		expect(c.most()).toBe(1);
		expect(c.finished).toEqual([0, 1, 2]);
	});
});
