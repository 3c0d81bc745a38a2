import type { ICredentialType } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { IExecuteFunctions } from 'n8n-workflow';

import { errorItem, inputError, toItems, withItemIndex, type ItemResult } from '../../../nodes/shared/items';
import { createRouter } from '../../../nodes/shared/operation';
import { createContext } from '../helpers/fakeContext';

const credentialType: ICredentialType = { name: 'noneApi', displayName: 'None API', properties: [] };
const ctxWith = (n: number, continueOnFail: boolean) =>
	createContext({
		credentialType,
		credentials: {},
		continueOnFail,
		items: Array.from({ length: n }, (_, i) => ({ json: { i } })),
		parameters: { resource: 'thing', operation: 'do' },
	}).ctx;

/** Runs a per-item operation through the router, the way every node does. */
const runPerItem = {
	call: (ctx: IExecuteFunctions, execute: (i: number) => Promise<ItemResult>) =>
		createRouter({ thing: { do: { description: [], execute: async (i: number) => await execute(i) } } }).call(ctx),
};

describe('the router running a per-item operation', () => {
	it('pairs every output with its input item, including several outputs per item and none', async () => {
		const out = await runPerItem.call(ctxWith(3, false), async (i) =>
			i === 0 ? { a: 0 } : i === 1 ? [{ b: 1 }, { b: 2 }] : null,
		);
		expect(out).toEqual([
			[
				{ json: { a: 0 }, pairedItem: { item: 0 } },
				{ json: { b: 1 }, pairedItem: { item: 1 } },
				{ json: { b: 2 }, pairedItem: { item: 1 } },
			],
		]);
	});

	it('with continue on fail, a failing item becomes its error item and the others go on', async () => {
		const ctx = ctxWith(3, true);
		const out = await runPerItem.call(ctx, async (i) => {
			if (i === 1) throw new NodeApiError(ctx.getNode(), {}, { message: 'Vendor said no', description: 'GET /x', httpCode: '400' });
			return { ok: i };
		});
		expect(out[0]).toEqual([
			{ json: { ok: 0 }, pairedItem: { item: 0 } },
			{
				json: { error: 'Vendor said no', errorDetails: 'GET /x', httpCode: '400' },
				error: expect.any(NodeApiError),
				pairedItem: { item: 1 },
			},
			{ json: { ok: 2 }, pairedItem: { item: 2 } },
		]);
	});

	it('without continue on fail the error stops the node and carries the item index', async () => {
		const ctx = ctxWith(3, false);
		let ran = 0;
		const run = runPerItem.call(ctx, async (i) => {
			ran++;
			if (i === 1) throw new Error('boom');
			return {};
		});
		await expect(run).rejects.toBeInstanceOf(NodeOperationError);
		await run.catch((e: NodeOperationError) => {
			expect(e.context.itemIndex).toBe(1);
			expect(e.message).toBe('boom');
		});
		expect(ran).toBe(2);
		const api = new NodeApiError(ctx.getNode(), {}, { message: 'x' });
		expect((withItemIndex(ctx, api, 4) as NodeApiError).context.itemIndex).toBe(4);
	});
});

describe('helpers', () => {
	it('inputError names the item and the field', () => {
		const e = inputError(ctxWith(1, false), 2, 'SKU', 'is required');
		expect(e.message).toBe('Item 2: SKU is required');
		expect(e.description).toContain('"SKU"');
		expect(e.context.itemIndex).toBe(2);
	});

	it('errorItem and toItems', () => {
		const item = errorItem(ctxWith(4, true), 'plain', 3, { sku: 'A' });
		expect(item.json).toEqual({ sku: 'A', error: 'plain' });
		expect(item.pairedItem).toEqual({ item: 3 });
		// item.error is what routes the item to the node's error output (n8n ignores json.error when
		// the json carries other keys).
		expect(item.error).toBeInstanceOf(NodeOperationError);
		expect(item.error!.context.itemIndex).toBe(3);
		expect(toItems(undefined, 0)).toEqual([]);
	});
});
