import type { ICredentialType, IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { batchWrite, splitBatches, type BatchRecord, type BatchWriteJob, type DuplicateRule } from '../../../nodes/shared/batchWrite';
import { inputError } from '../../../nodes/shared/items';
import { createRouter, emitOutcomes } from '../../../nodes/shared/operation';
import { createContext } from '../helpers/fakeContext';

const credentialType: ICredentialType = { name: 'noneApi', displayName: 'None API', properties: [] };
const ctxWith = (emails: string[], continueOnFail = false): IExecuteFunctions =>
	createContext({
		credentialType,
		credentials: {},
		continueOnFail,
		items: emails.map((email) => ({ json: { email } })),
		parameters: { resource: 'contact', operation: 'import' },
	}).ctx;

type Sent = Array<Array<BatchRecord<IDataObject>>>;

/** A vendor that accepts every record except those whose email starts with "bad". */
function job(sent: Sent, over: Partial<BatchWriteJob<IDataObject>> = {}, duplicates: DuplicateRule = 'sendEach') {
	return (ctx: IExecuteFunctions) => ({
		vendor: 'Testy',
		noun: 'contact',
		maxCount: 2,
		duplicates,
		build: (i: number) => {
			const email = String(ctx.getInputData()[i].json.email);
			if (!email) throw inputError(ctx, i, 'Email', 'is empty');
			return { record: { email }, key: email };
		},
		send: async (batch: Array<BatchRecord<IDataObject>>) => {
			sent.push(batch);
			return batch.map((r) =>
				String(r.record.email).startsWith('bad')
					? { ok: false, error: 'Invalid address', json: { email: r.record.email } }
					: { ok: true, json: { email: r.record.email, id: `id-${String(r.record.email)}` } },
			);
		},
		...over,
	});
}

async function run(emails: string[], continueOnFail: boolean, make: ReturnType<typeof job>) {
	const ctx = ctxWith(emails, continueOnFail);
	return emitOutcomes(ctx, await batchWrite(ctx, make(ctx)))[0];
}

describe('batchWrite: the one batch engine', () => {
	it('splits by count, maps every verdict back to its item, in input order, paired', async () => {
		const sent: Sent = [];
		const out = await run(['a@x', 'b@x', 'c@x'], false, job(sent));
		expect(sent.map((b) => b.map((r) => r.itemIndex))).toEqual([[0, 1], [2]]);
		expect(out.map((o) => [o.json.id, o.pairedItem])).toEqual([
			['id-a@x', { item: 0 }],
			['id-b@x', { item: 1 }],
			['id-c@x', { item: 2 }],
		]);
	});

	it('splits by summed JSON size too; a record larger than the cap travels alone', () => {
		const records = ['aaaa', 'b', 'cccccccccccccccccccc', 'd'].map((v, itemIndex) => ({ itemIndex, record: { v } }));
		const batches = splitBatches(records, 10, 25);
		// 13 + 10 bytes fit in 25; the 30-byte record exceeds the cap and travels alone.
		expect(batches.map((b) => b.map((r) => r.itemIndex))).toEqual([[0, 1], [2], [3]]);
		expect(splitBatches(records, 10, 40).map((b) => b.map((r) => r.itemIndex))).toEqual([[0, 1], [2, 3]]);
		expect(splitBatches(records, 3).map((b) => b.length)).toEqual([3, 1]);
		expect(() => splitBatches(records, 0)).toThrow(RangeError);
	});

	it('with continue on fail a rejected record fails only its item, naming vendor, noun and key', async () => {
		const sent: Sent = [];
		const out = await run(['a@x', 'bad@x', 'c@x'], true, job(sent));
		expect(out).toHaveLength(3);
		expect(out[1].json).toMatchObject({ email: 'bad@x', error: 'Item 1: Testy rejected the contact "bad@x": Invalid address' });
		expect(out[1].pairedItem).toEqual({ item: 1 });
		expect(out[2].json.id).toBe('id-c@x');
	});

	it('without continue on fail no batch is sent after one with a failure, and the node stops naming the item', async () => {
		const sent: Sent = [];
		await expect(run(['bad1@x', 'bad2@x', 'c@x'], false, job(sent))).rejects.toThrow(
			'Item 0: Testy rejected the contact "bad1@x": Invalid address (1 more contact(s) in this batch failed too, e.g. items 1)',
		);
		expect(sent).toHaveLength(1);
	});

	it('bad input fails only its item under continue on fail, and stops before anything is sent otherwise', async () => {
		const sent: Sent = [];
		const out = await run(['a@x', '', 'c@x'], true, job(sent));
		expect(out[1].json.error).toBe('Item 1: Email is empty');
		expect(sent.flat().map((r) => r.itemIndex)).toEqual([0, 2]);

		const none: Sent = [];
		await expect(run(['a@x', '', 'c@x'], false, job(none))).rejects.toThrow('Item 1: Email is empty');
		expect(none).toHaveLength(0);
	});

	it('a batch failing as a whole fails each of its items, and names the batch without continue on fail', async () => {
		const failing = (ctx: IExecuteFunctions) => ({
			...job([])(ctx),
			send: async () => {
				throw new NodeApiError(ctx.getNode(), {}, { message: 'Testy was unavailable', description: 'POST /import' });
			},
		});
		const out = await run(['a@x', 'b@x', 'c@x'], true, failing);
		expect(out.map((o) => o.json.error)).toEqual(['Testy was unavailable', 'Testy was unavailable', 'Testy was unavailable']);
		expect(out[0].json.key).toBe('a@x');

		const ctx = ctxWith(['a@x', 'b@x', 'c@x']);
		const error = await batchWrite(ctx, failing(ctx)).catch((e: NodeApiError) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as NodeApiError).description).toMatch(/^Batch 1 of 2 \(input items 0–1\) failed as a whole\. POST \/import/);
		expect((error as NodeApiError).context.itemIndex).toBe(0);
	});

	it('firstWins sends the first of a key once; followers get its outcome marked duplicateOfItem', async () => {
		const sent: Sent = [];
		const out = await run(['a@x', 'b@x', 'a@x'], false, job(sent, {}, 'firstWins'));
		expect(sent.flat().map((r) => r.itemIndex)).toEqual([0, 1]);
		expect(out[2].json).toEqual({ email: 'a@x', id: 'id-a@x', duplicateOfItem: 0 });
		expect(out[2].pairedItem).toEqual({ item: 2 });
	});

	it('lastWins sends the last of a key once; earlier ones get its outcome marked supersededByItem', async () => {
		const sent: Sent = [];
		const out = await run(['a@x', 'b@x', 'a@x'], false, job(sent, {}, 'lastWins'));
		expect(sent.flat().map((r) => r.itemIndex)).toEqual([1, 2]);
		expect(out[0].json).toEqual({ email: 'a@x', id: 'id-a@x', supersededByItem: 2 });
	});

	it('a folded item shares a failure too', async () => {
		const sent: Sent = [];
		const out = await run(['bad@x', 'bad@x'], true, job(sent, {}, 'firstWins'));
		expect(out[1].json).toMatchObject({ duplicateOfItem: 0, error: 'Item 0: Testy rejected the contact "bad@x": Invalid address' });
	});

	it('a missing verdict is that record\'s failure, never a silent success', async () => {
		const short = (ctx: IExecuteFunctions) => ({ ...job([])(ctx), send: async () => [{ ok: true, json: { id: 1 } }] });
		const out = await run(['a@x', 'b@x'], true, short);
		expect(out[0].json.id).toBe(1);
		expect(out[1].json.error).toMatch(/Testy returned no result for this record/);
	});
});

describe('createRouter', () => {
	it('runs a batch operation and emits its outcomes in input order', async () => {
		const ctx = ctxWith(['a@x', 'b@x']);
		const router = createRouter({
			contact: {
				import: {
					description: [],
					executeBatch: async () =>
						new Map([
							[1, { ok: true as const, json: { n: 1 } }],
							[0, { ok: true as const, json: [{ n: 0 }, { n: 0.5 }] }],
						]),
				},
			},
		});
		const out = await router.call(ctx);
		expect(out[0].map((o) => [o.json.n, o.pairedItem])).toEqual([
			[0, { item: 0 }],
			[0.5, { item: 0 }],
			[1, { item: 1 }],
		]);
		expect(Object.keys(router.resources.contact)).toEqual(['import']);
	});

	it('names an operation it does not route', async () => {
		const router = createRouter({ contact: {} });
		await expect(router.call(ctxWith(['a@x']))).rejects.toThrow(
			'The operation "import" of the resource "contact" is not supported',
		);
	});
});
