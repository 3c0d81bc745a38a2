import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import { expectPaired } from '../helpers/systemFixture';
import { em } from './fixture';

em.useTestEnv();

const HAPI = 'https://admin.scarabresearch.com';
/** The tests that build and send 10 MB files take seconds on a loaded machine. */
const BIG_BODY_MS = 60_000;
const PATH = '/hapi/merchant/M123/sales-data/api';

const line = (order: string, item: string, quantity: number, price: number, extra: IDataObject = {}): IDataObject => ({
	resource: 'salesData',
	operation: 'upload',
	order,
	timestamp: '2026-11-20T09:30:00Z',
	item,
	price,
	quantity,
	customerField: 'email',
	customer: 'Ann@Example.com',
	customColumns: '{}',
	rememberDays: 400,
	...extra,
});

function expectUpload(bodies: string[], status = 200, text = 'OK') {
	nock(HAPI)
		.post(PATH)
		.matchHeader('authorization', 'Bearer sales-TOKEN-secret')
		.matchHeader('content-type', /^text\/csv/)
		.reply(status, (_u, body) => {
			bodies.push(String(body));
			return text;
		});
}

describe('Emarsys sales data', () => {
	it('uploads lines as one CSV, then sends an unchanged order never again and a changed one only as its difference', async () => {
		const staticData: IDataObject = {};
		const bodies: string[] = [];
		expectUpload(bodies);
		const first = [line('SO-1', 'SKU-A', 2, 20, { customColumns: { s_channel: 'web' } }), line('SO-1', 'SKU-B', 1, 5.5), line('SO-2', 'SKU-A', 1, 10)];
		const run1 = await em.run(first, { items: em.items(3), staticData });
		expect(bodies[0]).toBe(
			'order,timestamp,item,price,quantity,email,s_channel\n' +
				'SO-1,2026-11-20T09:30:00Z,SKU-A,20,2,ann@example.com,web\n' +
				'SO-1,2026-11-20T09:30:00Z,SKU-B,5.5,1,ann@example.com,\n' +
				'SO-2,2026-11-20T09:30:00Z,SKU-A,10,1,ann@example.com,\n',
		);
		expectPaired(run1.out, [0, 1, 2]);
		expect(run1.json.map((j) => j.status)).toEqual(['sent', 'sent', 'sent']);

		// A re-run with the same lines sends nothing at all.
		const run2 = await em.run(first, { items: em.items(3), staticData });
		expect(run2.json.map((j) => j.status)).toEqual(['alreadySent', 'alreadySent', 'alreadySent']);

		// SO-1 refunds one SKU-A (a credit note line) and SO-2 is unchanged: only the difference goes up.
		expectUpload(bodies);
		const third = [...first, line('SO-1', 'SKU-A', -1, -10, { timestamp: '2026-11-22T12:00:00Z' })];
		const run3 = await em.run(third, { items: em.items(4), staticData });
		expect(bodies[1]).toBe('order,timestamp,item,price,quantity,email\nSO-1,2026-11-22T12:00:00Z,SKU-A,-10,-1,ann@example.com\n');
		expect(run3.json.map((j) => j.status)).toEqual(['changed', 'changed', 'alreadySent', 'changed']);
	});

	it('remembers nothing when Emarsys refuses the file, so the next run sends it again, and hides the token', async () => {
		const staticData: IDataObject = {};
		const bodies: string[] = [];
		expectUpload(bodies, 400, 'Missing column: price (token sales-TOKEN-secret)');
		const err = (await em.run([line('SO-9', 'SKU-A', 1, 10)], { staticData }).catch((e: Error) => e)) as Error;
		expect(err.message).toMatch(/^Emarsys sales data upload rejected the request as invalid: Missing column: price .*\(HTTP 400\)$/);
		expect(err.message).not.toContain('sales-TOKEN-secret');
		expectUpload(bodies);
		const { json } = await em.run([line('SO-9', 'SKU-A', 1, 10)], { staticData });
		expect(json[0].status).toBe('sent');
		expect(bodies).toHaveLength(2);
	});

	it('retries a throttled upload after Retry-After, and never retries one that may have arrived', async () => {
		nock(HAPI).post(PATH).reply(429, 'slow down', { 'Retry-After': '3' });
		const bodies: string[] = [];
		expectUpload(bodies);
		const { json } = await em.run([line('SO-3', 'SKU-A', 1, 10)], { staticData: {} });
		expect(json[0].status).toBe('sent');

		nock(HAPI).post(PATH).replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
		await expect(em.run([line('SO-4', 'SKU-A', 1, 10)], { staticData: {} })).rejects.toThrow(/may or may not have arrived, so it was not repeated/);
	});

	it('names the item and field for bad lines; other lines go up', async () => {
		const bodies: string[] = [];
		expectUpload(bodies);
		const { out } = await em.run(
			[line('SO-5', 'SKU-A', 1, 10), line('SO-6', 'SKU-B', Number.NaN, 1), line('SO-7', 'SKU-C', 1, 1, { customColumns: { channel: 'web' } }), line('SO-8', 'SKU-D', 1, 1, { customer: 'nope' })],
			{ items: em.items(4), continueOnFail: true, staticData: {} },
		);
		expectPaired(out, [0, 1, 2, 3]);
		expect(out[1].json.error).toMatch(/^Item 1: Quantity is not a number/);
		expect(out[2].json.error).toMatch(/^Item 2: Custom Columns \(JSON\) has "channel": column names start with s_, f_ or i_/);
		expect(out[3].json.error).toMatch(/^Item 3: Customer is not a valid email address/);
		expect(bodies[0].trim().split('\n')).toHaveLength(2);
	});

	it('cuts the upload by the CSV file\'s own bytes (header in every file, at most 10 MB, an order never split)', async () => {
		const bodies: string[] = [];
		expectUpload(bodies);
		expectUpload(bodies);
		// Three orders of one 4 MB line each: two fit in a 10 MB file with its header, the third does not.
		const fat = (order: string, fill: string) => line(order, 'SKU-A', 1, 10, { customColumns: { s_note: fill.repeat(4_000_000) } });
		const staticData: IDataObject = {};
		const { json } = await em.run([fat('SO-A', 'a'), fat('SO-B', 'b'), fat('SO-C', 'é')], { items: em.items(3), staticData });
		expect(json.map((j) => j.status)).toEqual(['sent', 'sent', 'sent']);
		expect(bodies).toHaveLength(2);
		const header = 'order,timestamp,item,price,quantity,email,s_note';
		for (const body of bodies) {
			expect(body.split('\n')[0]).toBe(header);
			expect(Buffer.byteLength(body, 'utf8')).toBeLessThanOrEqual(10_000_000);
		}
		const rows = bodies.map((b) => b.trim().split('\n').slice(1).map((r) => r.split(',')[0]));
		expect(rows).toEqual([['SO-A', 'SO-B'], ['SO-C']]);
		expect(Object.keys(staticData.emarsysSalesData as IDataObject).sort()).toEqual(['SO-A', 'SO-B', 'SO-C']);
	}, BIG_BODY_MS);

	it('fails an order too big for any file by itself (continue on fail), sends the rest, and remembers only what went up', async () => {
		const bodies: string[] = [];
		expectUpload(bodies);
		const staticData: IDataObject = {};
		const { out } = await em.run(
			[line('SO-X', 'SKU-A', 1, 10, { customColumns: { s_note: 'x'.repeat(10_000_000) } }), line('SO-Y', 'SKU-B', 1, 5)],
			{ items: em.items(2), continueOnFail: true, staticData },
		);
		expectPaired(out, [0, 1]);
		const fileBytes = 'order,timestamp,item,price,quantity,email,s_note\n'.length + 'SO-X,2026-11-20T09:30:00Z,SKU-A,10,1,ann@example.com,\n'.length + 10_000_000;
		expect(out[0].json.error).toBe(`Item 0: order SO-X alone makes a CSV of ${fileBytes} bytes, over Emarsys's upload limit of 10000000 bytes`);
		expect(out[1].json.status).toBe('sent');
		expect(bodies).toHaveLength(1);
		expect(bodies[0]).toContain('SO-Y');
		expect(bodies[0]).not.toContain('SO-X');
		expect(Object.keys(staticData.emarsysSalesData as IDataObject)).toEqual(['SO-Y']);
	}, BIG_BODY_MS);

	it('without continue on fail an order too big for any file stops the node before anything is sent', async () => {
		const scope = nock(HAPI).post(PATH).reply(200, 'OK');
		await expect(
			em.run([line('SO-Y', 'SKU-B', 1, 5), line('SO-X', 'SKU-A', 1, 10, { customColumns: { s_note: 'x'.repeat(10_000_000) } })], {
				items: em.items(2),
				staticData: {},
			}),
		).rejects.toThrow(/^Item 1: order SO-X alone makes a CSV/);
		expect(scope.isDone()).toBe(false);
		nock.cleanAll();
	}, BIG_BODY_MS);

	it('needs the sales-data merchant and token in the credential', async () => {
		await expect(em.run([line('SO-1', 'A', 1, 1)], { credentials: { salesDataToken: '' }, staticData: {} })).rejects.toThrow(
			/no Sales Data Merchant ID or Sales Data Token/,
		);
	});
});
