import { MAX_IMPORT_BYTES } from '../../../nodes/Dotdigital/helpers/importOptions';
import { firstStatusCheckMs } from '../../../nodes/Dotdigital/transport/imports';
import { dd } from './fixture';

const env = dd.useTestEnv();

/** Bulk Import parameters for one contact, with no Import Options: the defaults apply. */
const contactRow = (email: string) => ({
	resource: 'contact',
	operation: 'bulkImport',
	email,
	listIds: [],
	dataFieldsJson: '{}',
	dataFieldsUi: { field: [{ key: 'FIRSTNAME', value: email.split('@')[0] }] },
	additionalFields: {},
	mergeOption: 'overwrite',
});

/** Insight Data → Import parameters for an account catalog record taken from its input item. */
const catalogRow = (sku: string) => ({
	resource: 'insightData',
	operation: 'import',
	collectionScope: 'account',
	collectionName: 'catalog_cin7',
	collectionType: 'catalog',
	recordKey: sku,
	recordSource: 'item',
});

/** When (fake-clock ms since the start) each request of a test reached Dotdigital. */
function timeline() {
	const start = env.clock().now();
	const at: Array<[string, number]> = [];
	return { at, mark: (what: string) => at.push([what, env.clock().now() - start]) };
}

describe('Dotdigital imports: as few calls as the API allows', () => {
	it('asks for the first report when the import should be done: 5 s plus 1 s per 2,000 records, at most 30 s', () => {
		expect(firstStatusCheckMs(0)).toBe(5_000);
		expect(firstStatusCheckMs(1)).toBe(5_000);
		expect(firstStatusCheckMs(1_999)).toBe(5_000);
		expect(firstStatusCheckMs(2_000)).toBe(6_000);
		expect(firstStatusCheckMs(10_000)).toBe(10_000);
		expect(firstStatusCheckMs(50_000)).toBe(30_000);
		expect(firstStatusCheckMs(1_000_000)).toBe(30_000);
	});

	it('imports 50,000 contacts in one import: one submit and one status call, 30 s after the submit', async () => {
		const n = 50_000;
		const emails = Array.from({ length: n }, (_, i) => `c${i}@example.com`);
		const t = timeline();
		let sent = 0;
		dd.api()
			.put('/contacts/v3/import')
			.reply(202, (_u, body) => {
				t.mark('submit');
				sent = (body as { contacts: unknown[] }).contacts.length;
				return { importId: 'big' };
			});
		dd.api()
			.get('/contacts/v3/import/big')
			.reply(200, () => {
				t.mark('status');
				return { importId: 'big', status: 'Finished' };
			});
		const { out } = await dd.run(emails.map(contactRow), { items: dd.items(n) });
		// nock fails any further call: exactly 2 calls, the theoretical minimum.
		expect(sent).toBe(n);
		expect(t.at).toEqual([
			['submit', 0],
			['status', 30_000],
		]);
		expect(env.clock().sleeps).toEqual([30_000]);
		expect(out).toHaveLength(n);
		expect(out.filter((o) => o.json.error)).toEqual([]);
	}, 60_000);

	it('imports 50,000 catalog records in one insight import: one submit and one status call', async () => {
		const n = 50_000;
		const items = Array.from({ length: n }, (_, i) => ({ json: { sku: `SKU-${i}`, name: `Product ${i}`, price: i % 90 } }));
		let sent = 0;
		dd.api()
			.put('/insightData/v3/import')
			.reply(202, (_u, body) => {
				sent = (body as { records: unknown[] }).records.length;
				return { importId: 'cat' };
			});
		dd.api().get('/insightData/v3/import/cat').reply(200, { status: 'Complete' });
		const { out } = await dd.run(
			items.map((it) => catalogRow(it.json.sku)),
			{ items },
		);
		expect(sent).toBe(n);
		expect(env.clock().sleeps).toEqual([30_000]);
		expect(out.filter((o) => o.json.error)).toEqual([]);
	}, 60_000);

	it('does not ask for the report right after the submit; later checks follow the status interval', async () => {
		const t = timeline();
		dd.api()
			.put('/contacts/v3/import')
			.reply(202, () => {
				t.mark('submit');
				return { importId: 'small' };
			});
		dd.api()
			.get('/contacts/v3/import/small')
			.twice()
			.reply(200, () => {
				t.mark('status');
				return { status: t.at.length < 3 ? 'NotFinished' : 'Finished' };
			});
		const params = ['a@example.com', 'b@example.com'].map((e) => ({
			...contactRow(e),
			importOptions: { pollIntervalSeconds: 12 },
		}));
		const { out } = await dd.run(params, { items: dd.items(2) });
		expect(t.at).toEqual([
			['submit', 0],
			['status', 5_000],
			['status', 17_000],
		]);
		expect(out.map((o) => o.json.result)).toEqual(['imported', 'imported']);
	});

	it('splits a body over the 40 MB margin by bytes, whatever the record count', async () => {
		// Three records of 15 MiB: two fit in one import (30 MiB), the third would tip it over 40 MiB.
		const big = 'x'.repeat(15 * 1024 * 1024);
		const items = ['A', 'B', 'C'].map((sku) => ({ json: { sku, description: big } }));
		const sizes: Array<{ records: number; bytes: number }> = [];
		dd.api()
			.put('/insightData/v3/import')
			.twice()
			.reply(202, (_u, body) => {
				sizes.push({
					records: (body as { records: unknown[] }).records.length,
					bytes: Buffer.byteLength(JSON.stringify(body)),
				});
				return { importId: `b${sizes.length}` };
			});
		dd.api().get('/insightData/v3/import/b1').reply(200, { status: 'Complete' });
		dd.api().get('/insightData/v3/import/b2').reply(200, { status: 'Complete' });
		const { out } = await dd.run(
			items.map((it) => catalogRow(it.json.sku)),
			{ items },
		);
		expect(sizes.map((s) => s.records)).toEqual([2, 1]);
		for (const s of sizes) expect(s.bytes).toBeLessThan(MAX_IMPORT_BYTES);
		expect(out.map((o) => o.json.importId)).toEqual(['b1', 'b1', 'b2']);
	}, 60_000);

	it('still caps the records per import when Batch Size is set', async () => {
		const counts: number[] = [];
		dd.api()
			.put('/contacts/v3/import')
			.times(3)
			.reply(202, (_u, body) => {
				counts.push((body as { contacts: unknown[] }).contacts.length);
				return { importId: `p${counts.length}` };
			});
		for (const id of ['p1', 'p2', 'p3']) dd.api().get(`/contacts/v3/import/${id}`).reply(200, { status: 'Finished' });
		const params = Array.from({ length: 5 }, (_, i) => ({ ...contactRow(`c${i}@example.com`), importOptions: { batchSize: 2 } }));
		await dd.run(params, { items: dd.items(5) });
		expect(counts).toEqual([2, 2, 1]);
	});
});
