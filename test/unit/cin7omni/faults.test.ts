/**
 * Answers that are not data (an HTML page with status 200, a JSON body cut short, JSON of another
 * shape) on every Omni read the orders flow uses (workflows/cin7-omni-orders-to-dotdigital.json:
 * Sales Order → Get Many, the Sales Order Updated poll and its test sample), and on get-by-id and
 * lookups: each becomes a NodeApiError naming Cin7 Omni, the call and, in an operation, the item;
 * never a TypeError further down.
 */
import { NodeApiError } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

import { omni } from './fixture';

const HTML = '<!DOCTYPE html><html><head><title>Page not found</title></head><body><h1>Page not found</h1></body></html>';
const TRUNCATED = '{"Total":1,"Page":1,"Data":[{"ID":"';

/** Body, headers, how many calls it takes (a cut-short body of a read is retried 6 times), the expected text. */
const BODIES: Array<[string, string | object, Record<string, string>, number, RegExp]> = [
	['an HTML page with status 200', HTML, { 'Content-Type': 'text/html' }, 1, /^Cin7 Omni answered HTTP 200 with a non-JSON body/],
	['a JSON body cut short', TRUNCATED, { 'Content-Type': 'application/json' }, 7, /^Cin7 Omni answered HTTP 200 with a non-JSON body/],
	['an object instead of a list', { Message: 'An error has occurred.' }, {}, 1, /^Cin7 Omni answered GET \/SalesOrders with a single object instead of a list of records$/],
	['a list of nulls', [null], {}, 1, /^Cin7 Omni answered GET \/SalesOrders with a list holding null entries instead of a list of records$/],
	['a JSON string', '"Service unavailable"', { 'Content-Type': 'application/json' }, 1, /^Cin7 Omni answered GET \/SalesOrders with text instead of a list of records$/],
];

type Caught = NodeApiError & { description: string; context: IDataObject };

async function caught(promise: Promise<unknown>): Promise<Caught> {
	try {
		await promise;
	} catch (error) {
		return error as Caught;
	}
	throw new Error('expected a rejection');
}

describe('Cin7 Omni: answers that are not data become named errors', () => {
	const env = omni.useTestEnv();

	describe.each(BODIES)('%s', (_name, body, headers, calls, text) => {
		const reply = () => omni.api().get(omni.path('/SalesOrders')).query(true).times(calls).reply(200, body, headers);

		it('Sales Order → Get Many stops naming Cin7 Omni, the call and the item', async () => {
			reply();
			const error = await caught(omni.run({ resource: 'salesOrder', operation: 'getAll', returnAll: true, filters: { modifiedSince: '2024-01-01' } }));
			expect(error).toBeInstanceOf(NodeApiError);
			expect(error.message).toMatch(text);
			expect(`${error.message} ${error.description}`).toContain('GET /SalesOrders');
			expect(error.context.itemIndex).toBe(0);
		});

		it('Sales Order → Get Many under Continue On Fail: an error item for that item', async () => {
			reply();
			const { out } = await omni.run({ resource: 'salesOrder', operation: 'getAll', returnAll: true, filters: {} }, { continueOnFail: true });
			expect(out).toHaveLength(1);
			expect(out[0].json.error).toMatch(text);
			expect(out[0].pairedItem).toEqual({ item: 0 });
			expect(out[0].error).toBeInstanceOf(NodeApiError);
		});

		it('the Sales Order Updated poll stops naming the call', async () => {
			env.clock().set(Date.parse('2026-05-01T12:00:00Z'));
			reply();
			const error = await caught(omni.poll({ event: 'salesOrderUpdated', stages: [], startDate: '2026-05-01T00:00:00Z' }, { staticData: {} }));
			expect(error).toBeInstanceOf(NodeApiError);
			expect(error.message).toMatch(text);
			expect(`${error.message} ${error.description}`).toContain('GET /SalesOrders');
		});

		it('the poll\'s test sample stops naming the call', async () => {
			reply();
			const error = await caught(omni.poll({ event: 'salesOrderUpdated', stages: [] }, { staticData: {}, mode: 'manual' }));
			expect(error).toBeInstanceOf(NodeApiError);
			expect(error.message).toMatch(text);
		});
	});

	it.each([
		['a list', [{ id: 5 }], /^Cin7 Omni answered GET \/SalesOrders\/5 with a list of 1 record\(s\) instead of a record$/],
		['nothing', '', /^Cin7 Omni answered GET \/SalesOrders\/5 with an empty body instead of a record$/],
		['a JSON number', '42', /^Cin7 Omni answered GET \/SalesOrders\/5 with number instead of a record$/],
	])('Sales Order → Get answered with %s stops naming the call and the item', async (_name, body, text) => {
		omni.api().get(omni.path('/SalesOrders/5')).reply(200, body as string, { 'Content-Type': 'application/json' });
		const error = await caught(omni.run({ resource: 'salesOrder', operation: 'get', orderId: '5' }));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(text);
		expect(error.context.itemIndex).toBe(0);
	});

	it('a contact read as HTML stops naming the call, never a TypeError', async () => {
		omni.api().get(omni.path('/Contacts/41')).reply(200, HTML, { 'Content-Type': 'text/html' });
		const error = await caught(omni.run({ resource: 'contact', operation: 'get', contactId: '41' }));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.description).toContain('GET /Contacts/41');
	});

	it('a reference lookup answered with an object fails only the items it asked for, naming the call', async () => {
		omni.api().get(omni.path('/SalesOrders')).query(true).reply(200, { Message: 'oops' });
		const order = (reference: string) => ({
			resource: 'salesOrder',
			operation: 'create',
			reference,
			lineItems: { line: [{ code: 'SKU-1', qty: 1 }] },
			additionalFields: {},
		});
		const { out } = await omni.run([order('WEB-1'), order('WEB-2')], { items: omni.items(2), continueOnFail: true });
		expect(out.map((o) => o.json.error)).toEqual([
			'Cin7 Omni answered GET /SalesOrders with a single object instead of a list of records',
			'Cin7 Omni answered GET /SalesOrders with a single object instead of a list of records',
		]);
	});

	it('a full page whose last row lacks the order key cannot be walked on: a named error, not a silent end', async () => {
		const rows = Array.from({ length: 250 }, (_, i) => ({ id: i < 249 ? i + 1 : undefined, company: `B${i}` }));
		omni.api().get(omni.path('/Branches')).query(true).reply(200, rows);
		const error = await caught(omni.run({ resource: 'branch', operation: 'getAll', returnAll: true, filters: {} }));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('Cin7 Omni answered GET /Branches with a single object instead of rows carrying id');
	});

	it('the message never carries the API key', async () => {
		omni.api().get(omni.path('/Branches')).query(true).reply(200, { Message: 'denied for SECRET-KEY-123456' });
		const error = await caught(omni.run({ resource: 'branch', operation: 'getAll', returnAll: true, filters: {} }));
		expect(`${error.message} ${error.description}`).not.toContain('SECRET-KEY-123456');
		expect(error.description).toContain('***');
	});
});
