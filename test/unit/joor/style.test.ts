import { expectPaired } from '../helpers/systemFixture';
import { joor, v2 } from './fixture';

const env = joor.useTestEnv();

const style = (n: string, extra: object = {}) => ({
	resource: 'style',
	operation: 'upsert',
	styleNumber: n,
	styleIdentifier: '',
	styleName: `Style ${n}`,
	linesheetMode: 'add',
	waitForCompletion: true,
	statusIntervalSeconds: 5,
	maxWaitMinutes: 10,
	additionalFields: {},
	...extra,
});

describe('JOOR style', () => {
	it('sends styles in one bulk job with delivery_overwrite 3, waits for it and maps each result back', async () => {
		let sent: { styles: { style: Array<Record<string, unknown>> } } | undefined;
		joor
			.api()
			.post('/v2/bulk-style')
			.reply(202, (_u, body) => {
				sent = body as typeof sent;
				return v2({}, { code: 202, job_id: 'J1' });
			});
		joor.api().get('/v2/bulk-style/J1').reply(200, v2({ job: { id: 'J1', status: 'processing' } }));
		joor
			.api()
			.get('/v2/bulk-style/J1')
			.reply(
				200,
				v2({
					job: {
						id: 'J1',
						status: 'completed',
						results: [
							{ style_identifier: 'A', status: 'success' },
							{ style_identifier: 'B', status: 'error', message: 'unknown price type' },
						],
					},
				}),
			);
		const params = [
			style('A', {
				additionalFields: {
					description: 'Shirt',
					linesheets: 'Collection_SS27, Core',
					variants: '[{"color_code":"BLK","color_name":"Black","size":"S","upc":"1"},{"color_code":"BLK","size":"M","upc":"2"},{"color_code":"WHT","size":"S"}]',
					prices: [{ currency: 'usd', price_label: 'Wholesale USD', wholesale: '25', retail: 60 }],
				},
			}),
			style('B'),
		];
		const { out, json } = await joor.run(params, { items: joor.items(2), continueOnFail: true });
		expect(sent?.styles.style[0]).toEqual({
			style_number: 'A',
			style_identifier: 'A',
			style_name: 'Style A',
			description: 'Shirt',
			colors: [{ color_code: 'BLK', color_name: 'Black' }, { color_code: 'WHT' }],
			sizes: [{ size: 'S' }, { size: 'M' }],
			skus: [
				{ color_code: 'BLK', size: 'S', upc: '1' },
				{ color_code: 'BLK', size: 'M', upc: '2' },
				{ color_code: 'WHT', size: 'S' },
			],
			prices: [{ currency: 'USD', price_label: 'Wholesale USD', wholesale: 25, retail: 60 }],
			deliveries: [{ linesheet: 'Collection_SS27' }, { linesheet: 'Core' }],
			delivery_overwrite: 3,
		});
		// A style without linesheets still says "add": JOOR's default would strip its linesheets.
		expect(sent?.styles.style[1]).toEqual({ style_number: 'B', style_identifier: 'B', style_name: 'Style B', delivery_overwrite: 3 });
		expect(json[0]).toMatchObject({ style_identifier: 'A', jobId: 'J1', status: 'success' });
		expect(String(json[1].error)).toMatch(/Item 1: JOOR rejected the style "B": unknown price type/);
		expectPaired(out, [0, 1]);
		expect(env.clock().sleeps).toEqual([2000, 5000]);
	});

	it('sends replace-all only when asked, with an empty linesheet list meaning "none"', async () => {
		let sent: { styles: { style: Array<Record<string, unknown>> } } | undefined;
		joor
			.api()
			.post('/v2/bulk-style')
			.reply(202, (_u, body) => {
				sent = body as typeof sent;
				return v2({}, { job_id: 'J2' });
			});
		const { json } = await joor.run(style('C', { linesheetMode: 'replaceAll', waitForCompletion: false }));
		expect(sent?.styles.style[0]).toMatchObject({ deliveries: [], delivery_overwrite: 1 });
		expect(json[0]).toEqual({ style_identifier: 'C', jobId: 'J2', status: 'queued' });
	});

	it('sends one record per style identifier, the last item winning', async () => {
		let count = 0;
		joor
			.api()
			.post('/v2/bulk-style')
			.reply(202, (_u, body) => {
				count = (body as { styles: { style: unknown[] } }).styles.style.length;
				return v2({}, { job_id: 'J3' });
			});
		const { json } = await joor.run([style('D', { waitForCompletion: false }), style('D', { styleName: 'New name', waitForCompletion: false })], {
			items: joor.items(2),
		});
		expect(count).toBe(1);
		expect(json[0]).toMatchObject({ supersededByItem: 1 });
	});

	it.each([
		[{ styleNumber: '' }, /Item 0: Style Number is empty/],
		[{ styleNumber: 'X'.repeat(46) }, /Item 0: Style Number is longer than 45 characters/],
		[{ styleName: ' ' }, /Item 0: Style Name is empty/],
		[{ additionalFields: { variants: '[{"size":"M"}]' } }, /Item 0: Variants entry 1 has no color_code/],
		[{ additionalFields: { variants: 'not json' } }, /Item 0: Variants is not valid JSON/],
		[{ additionalFields: { prices: '[{"currency":"US","wholesale":1}]' } }, /Item 0: Prices entry 1 needs a 3-letter currency/],
		[{ additionalFields: { prices: '[{"currency":"USD"}]' } }, /Item 0: Prices entry 1 has no wholesale price/],
		[{ additionalFields: { prices: '[{"currency":"USD","wholesale":-1}]' } }, /Item 0: Prices entry 1 wholesale must be at least 0/],
	])('names the item and field for bad input %j', async (over, message) => {
		await expect(joor.run(style('E', over))).rejects.toThrow(message);
	});
});

describe('JOOR style reads', () => {
	it('gets a style by number and identifier, and says found: false for an unknown one', async () => {
		joor.api().get('/v2/style-number/S1/S1-A').reply(200, v2({ style: { id: 7, style_number: 'S1', deliveries: [{ linesheet: 'Core' }] } }));
		joor.api().get('/v2/style-number/S2/S2').reply(404, v2({}, { code: 404, comment: 'Style not found' }));
		const { json } = await joor.run(
			[
				{ resource: 'style', operation: 'get', styleNumber: 'S1', styleIdentifier: 'S1-A' },
				{ resource: 'style', operation: 'get', styleNumber: 'S2', styleIdentifier: '' },
			],
			{ items: joor.items(2) },
		);
		expect(json).toEqual([
			{ found: true, id: 7, style_number: 'S1', deliveries: [{ linesheet: 'Core' }] },
			{ style_number: 'S2', style_identifier: 'S2', found: false },
		]);
	});

	it('gets styles modified in a range, every page', async () => {
		joor
			.api()
			.get('/v2/style')
			.query({ date_start: '2026-01-01T00:00:00.000Z', date_end: '2100-01-01T00:00:00.000Z', start_from: 0, count: 100 })
			.reply(200, v2({ styles: Array.from({ length: 100 }, (_, i) => ({ id: i })) }, { next_start: 100 }));
		joor
			.api()
			.get('/v2/style')
			.query((q) => q.start_from === '100')
			.reply(200, v2({ styles: [{ id: 100 }] }, { next_start: null }));
		const { json } = await joor.run({ resource: 'style', operation: 'getAll', returnAll: true, filters: { modifiedAfter: '2026-01-01' } });
		expect(json).toHaveLength(101);
	});
});
