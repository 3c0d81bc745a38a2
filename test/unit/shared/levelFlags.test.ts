import type { IDataObject } from 'n8n-workflow';

import { coreAvailableToSell } from '../../../nodes/Cin7Core/helpers/availableToSell';
import { flagChangesSinceLastRun } from '../../../nodes/shared/levelFlags';

const row = (SKU: string, Available: number) => ({ SKU, Location: 'Main', Available, OnHand: Available });
const run = (staticData: IDataObject, rows: ReturnType<typeof row>[], opts: { skus?: string[]; store?: boolean } = {}) =>
	flagChangesSinceLastRun({
		staticData,
		key: 'levels',
		results: coreAvailableToSell(rows, { skus: opts.skus }),
		store: opts.store ?? true,
		coversAllSkus: !opts.skus?.length,
		zeroResults: (missing) => coreAvailableToSell([], { skus: missing }),
	});

describe('flagChangesSinceLastRun', () => {
	it('first run has no previous figures and flags nothing as changed back in stock', () => {
		const staticData: IDataObject = {};
		const out = run(staticData, [row('A', 3)]);
		expect(out).toEqual([expect.objectContaining({ sku: 'A', previousAvailableToSell: null, changed: false, backInStock: false })]);
		expect(staticData.levels).toEqual({ A: 3 });
	});

	it('after the seeded first run, a SKU the snapshot never held comes back in stock from 0', () => {
		const staticData: IDataObject = {};
		run(staticData, [row('A', 3)]);
		const out = run(staticData, [row('A', 3), row('NEW', 5)]);
		const bySku = Object.fromEntries(out.map((r) => [r.sku, r]));
		expect(bySku.NEW).toMatchObject({ previousAvailableToSell: 0, changed: true, backInStock: true, availableToSell: 5 });
		expect(bySku.A).toMatchObject({ previousAvailableToSell: 3, changed: false, backInStock: false });
		expect(staticData.levels).toEqual({ A: 3, NEW: 5 });
	});

	it('a seeded snapshot that is empty still counts as seeded', () => {
		const staticData: IDataObject = { levels: {} };
		const out = run(staticData, [row('A', 2)], { skus: ['A'] });
		expect(out[0]).toMatchObject({ previousAvailableToSell: 0, backInStock: true });
	});

	it('flags back in stock only on a crossing from 0 to above 0', () => {
		const staticData: IDataObject = { levels: { A: 0, B: 2 } };
		const out = run(staticData, [row('A', 4), row('B', 5)]);
		const bySku = Object.fromEntries(out.map((r) => [r.sku, r]));
		expect(bySku.A).toMatchObject({ previousAvailableToSell: 0, changed: true, backInStock: true, availableToSell: 4 });
		expect(bySku.B).toMatchObject({ previousAvailableToSell: 2, changed: true, backInStock: false });
	});

	it('reports a SKU whose rows vanished (all-zero rows are omitted) at 0 when the run covers every SKU', () => {
		const staticData: IDataObject = { levels: { A: 3, B: 7, C: 0 } };
		const out = run(staticData, [row('A', 3)]);
		const bySku = Object.fromEntries(out.map((r) => [r.sku, r]));
		expect(bySku.B).toMatchObject({ availableToSell: 0, noStockRows: true, previousAvailableToSell: 7, changed: true, backInStock: false });
		expect(bySku.C).toBeUndefined(); // was already 0: nothing to report
		expect(bySku.A).toMatchObject({ changed: false });
		expect(staticData.levels).toEqual({ A: 3, B: 0, C: 0 });
	});

	it('a SKU-limited run neither reports nor forgets the other SKUs', () => {
		const staticData: IDataObject = { levels: { A: 3, B: 7 } };
		const out = run(staticData, [row('A', 1)], { skus: ['A'] });
		expect(out.map((r) => r.sku)).toEqual(['A']);
		expect(staticData.levels).toEqual({ A: 1, B: 7 });
	});

	it('manual runs compute flags but store nothing', () => {
		const staticData: IDataObject = { levels: { A: 0 } };
		const out = run(staticData, [row('A', 2)], { store: false });
		expect(out[0]).toMatchObject({ backInStock: true });
		expect(staticData.levels).toEqual({ A: 0 });
	});
});
