import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import { expectPaired } from '../helpers/systemFixture';
import { em } from './fixture';

em.useTestEnv();

const HAPI = 'https://admin.scarabresearch.com';
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
		expect(err.message).toMatch(/Emarsys sales data upload answered HTTP 400: Missing column: price/);
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

	it('needs the sales-data merchant and token in the credential', async () => {
		await expect(em.run([line('SO-1', 'A', 1, 1)], { credentials: { salesDataToken: '' }, staticData: {} })).rejects.toThrow(
			/no Sales Data Merchant ID or Sales Data Token/,
		);
	});
});
