import { expectPaired } from '../helpers/systemFixture';
import { joor, v2 } from './fixture';

const { clock } = joor.useTestEnv();

const upsert = (code: string, extra: object = {}) => ({
	resource: 'customer',
	operation: 'upsert',
	customerCode: code,
	customerName: `Retailer ${code}`,
	waitForCompletion: true,
	statusIntervalSeconds: 5,
	maxWaitMinutes: 10,
	additionalFields: {},
	...extra,
});

describe('JOOR customer', () => {
	it('gets a customer by code, and says found: false for an unknown code', async () => {
		joor.api().get('/v2/connection/customer_code/C%2F1/').reply(200, v2({ connection: { id: 5, customer_code: 'C/1' } }));
		joor.api().get('/v2/connection/customer_code/NOPE/').reply(404, v2({}, { code: 404, comment: 'Not found' }));
		const { json } = await joor.run(
			[
				{ resource: 'customer', operation: 'get', customerCode: 'C/1' },
				{ resource: 'customer', operation: 'get', customerCode: 'NOPE' },
			],
			{ items: joor.items(2) },
		);
		expect(json).toEqual([
			{ found: true, id: 5, customer_code: 'C/1' },
			{ customer_code: 'NOPE', found: false },
		]);
	});

	it('creates or updates customers in one bulk job and gives each item its own result', async () => {
		let sent: { connections: { connection: unknown[] } } | undefined;
		joor
			.api()
			.post('/v2/bulk-connection')
			.reply(202, (_u, body) => {
				sent = body as typeof sent;
				return v2({}, { code: 202, job_id: 'K1' });
			});
		joor
			.api()
			.get('/v2/bulk-connection/K1')
			.reply(
				200,
				v2({
					job: {
						id: 'K1',
						status: 'completed',
						results: [
							{ customer_code: 'C1', status: 'success', action: 'created' },
							{ customer_code: 'C2', status: 'error', message: 'price label Retail EUR does not exist' },
						],
					},
				}),
			);
		const params = [
			upsert('C1', {
				additionalFields: {
					email: 'buyer@shop.example',
					priceTypes: '[{"currency":"aud","price_label":"Wholesale AUD"}]',
					billingAddress: { line_1: '1 Main St', city: 'Sydney', country: 'AU' },
				},
			}),
			upsert('C2'),
		];
		const { out, json } = await joor.run(params, { items: joor.items(2), continueOnFail: true });
		expect(sent?.connections.connection[0]).toEqual({
			customer_code: 'C1',
			customer_name: 'Retailer C1',
			email: 'buyer@shop.example',
			price_types: [{ currency: 'AUD', price_label: 'Wholesale AUD' }],
			billing_address: { line_1: '1 Main St', city: 'Sydney', country: 'AU' },
		});
		expect(json[0]).toMatchObject({ customer_code: 'C1', jobId: 'K1', status: 'success' });
		expect(String(json[1].error)).toMatch(/Item 1: JOOR rejected the customer "C2": price label Retail EUR does not exist/);
		expectPaired(out, [0, 1]);
	});

	it('fails every item of a job that failed as a whole', async () => {
		joor.api().post('/v2/bulk-connection').reply(202, v2({}, { job_id: 'K2' }));
		joor.api().get('/v2/bulk-connection/K2').reply(200, v2({ job: { id: 'K2', status: 'failed', message: 'invalid payload' } }));
		const { json } = await joor.run([upsert('C1'), upsert('C2')], { items: joor.items(2), continueOnFail: true });
		expect(json.map((j) => String(j.error))).toEqual([
			expect.stringMatching(/Item 0: JOOR rejected the customer "C1": invalid payload/),
			expect.stringMatching(/Item 1: JOOR rejected the customer "C2": invalid payload/),
		]);
	});

	it('fails a record the job report leaves out, and accepts a report without per-record results', async () => {
		joor.api().post('/v2/bulk-connection').reply(202, v2({}, { job_id: 'K5' }));
		joor
			.api()
			.get('/v2/bulk-connection/K5')
			.reply(200, v2({ job: { id: 'K5', status: 'completed', results: [{ customer_code: 'C1', status: 'success' }] } }));
		const { json } = await joor.run([upsert('C1'), upsert('C2')], { items: joor.items(2), continueOnFail: true });
		expect(json[0]).toMatchObject({ customer_code: 'C1', status: 'success' });
		expect(String(json[1].error)).toMatch(/Item 1: JOOR rejected the customer "C2": the report of bulk job K5 does not list this record/);

		joor.api().post('/v2/bulk-connection').reply(202, v2({}, { job_id: 'K6' }));
		joor.api().get('/v2/bulk-connection/K6').reply(200, v2({ job: { id: 'K6', status: 'completed' } }));
		const plain = await joor.run(upsert('C3'));
		expect(plain.json[0]).toMatchObject({ customer_code: 'C3', status: 'success' });
	});

	it('stops waiting after Max Wait and says the job keeps running, its status calls ever further apart', async () => {
		joor.api().post('/v2/bulk-connection').reply(202, v2({}, { job_id: 'K3' }));
		joor.api().get('/v2/bulk-connection/K3').times(6).reply(200, v2({ job: { id: 'K3', status: 'queued' } }));
		await expect(joor.run(upsert('C1', { maxWaitMinutes: 1 }))).rejects.toThrow(/JOOR bulk job K3 was still "queued" after 1 minute/);
		// 2 s, the 5 s interval, then half as long again each time, and the last pause ends at the deadline
		expect(clock().sleeps).toEqual([2000, 5000, 7500, 11250, 16875, 17375]);
	});

	it('reads later jobs of one run once, at the pace the first one took', async () => {
		// 1,000 customers = two jobs of 500: the first is read at 2 s (queued) and 7 s (done), so
		// 500 records take at most 7 s; the second job is first read 7 s after it was sent, and is done
		joor.api().post('/v2/bulk-connection').reply(202, v2({}, { job_id: 'P1' }));
		joor.api().get('/v2/bulk-connection/P1').reply(200, v2({ job: { id: 'P1', status: 'processing' } }));
		joor.api().get('/v2/bulk-connection/P1').reply(200, v2({ job: { id: 'P1', status: 'completed' } }));
		joor.api().post('/v2/bulk-connection').reply(202, v2({}, { job_id: 'P2' }));
		joor.api().get('/v2/bulk-connection/P2').reply(200, v2({ job: { id: 'P2', status: 'completed' } }));
		const codes = Array.from({ length: 1000 }, (_, k) => `C${k + 1}`);
		const { json } = await joor.run(codes.map((c) => upsert(c)), { items: joor.items(codes.length) });
		expect(json.map((j) => j.jobId)).toEqual([...Array(500).fill('P1'), ...Array(500).fill('P2')]);
		expect(json.every((j) => j.status === 'success')).toBe(true);
		expect(clock().sleeps).toEqual([2000, 5000, 7000]);
	});

	it('still waits for a job that runs longer than the learned pace, and never takes it as done early', async () => {
		joor.api().post('/v2/bulk-connection').reply(202, v2({}, { job_id: 'Q1' }));
		joor.api().get('/v2/bulk-connection/Q1').reply(200, v2({ job: { id: 'Q1', status: 'completed' } }));
		joor.api().post('/v2/bulk-connection').reply(202, v2({}, { job_id: 'Q2' }));
		joor.api().get('/v2/bulk-connection/Q2').times(2).reply(200, v2({ job: { id: 'Q2', status: 'processing' } }));
		joor.api().get('/v2/bulk-connection/Q2').reply(200, v2({ job: { id: 'Q2', status: 'completed', results: [] } }));
		const codes = Array.from({ length: 1000 }, (_, k) => `D${k + 1}`);
		const { json } = await joor.run(codes.map((c) => upsert(c)), { items: joor.items(codes.length) });
		expect(json.map((j) => j.jobId)).toEqual([...Array(500).fill('Q1'), ...Array(500).fill('Q2')]);
		// Q1 done at its first read (2 s); Q2 read at that pace (2 s), then after 5 s and 7.5 s
		expect(clock().sleeps).toEqual([2000, 2000, 5000, 7500]);
	});

	it('gets a job status', async () => {
		joor.api().get('/v2/bulk-connection/K4').reply(200, v2({ job: { id: 'K4', status: 'processing' } }));
		const { json } = await joor.run({ resource: 'customer', operation: 'getJobStatus', jobId: 'K4' });
		expect(json[0]).toMatchObject({ jobId: 'K4', status: 'processing', finished: false });
	});

	it.each([
		[{ customerCode: '' }, /Item 0: Customer Code is empty/],
		[{ customerName: '' }, /Item 0: Customer Name is empty/],
		[{ additionalFields: { email: 'nope' } }, /Item 0: Email is not an email address/],
		[{ additionalFields: { priceTypes: '[{"currency":"AUD"}]' } }, /Item 0: Price Types entry 1 needs a 3-letter currency and a price_label/],
		[{ additionalFields: { billingAddress: '[1]' } }, /Item 0: Billing Address must be a JSON object/],
	])('names the item and field for bad input %j', async (over, message) => {
		await expect(joor.run({ ...upsert('C1'), ...over })).rejects.toThrow(message);
	});
});
