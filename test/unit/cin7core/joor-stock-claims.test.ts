/**
 * How the Cin7 Core sandbox claims stock for a sale, which the JOOR orders template's inventory
 * policy relies on: an authorised order allocates its stock lines at the sale's location (Available
 * down, Allocated up); one short of stock is backordered and allocates nothing; a draft claims
 * nothing; a Service product keeps no stock and a drop-ship line ships from the supplier, so neither
 * is allocated nor makes the order short.
 */
import { start, call, CORE_HEADERS, type Started } from '../sandbox/helpers';

type Row = { SKU: string; Location: string; Available: number; Allocated: number; OnHand: number };

describe('Cin7 Core sandbox: stock claimed by sales', () => {
	let sb: Started;
	let base: string;
	beforeAll(async () => {
		sb = await start({ rateLimits: false });
		base = `${sb.url}/cin7core/ExternalApi/v2`;
	});
	afterAll(() => sb.close());

	const core = () => sb.state.cin7core;
	const rowsOf = (sku: string, location: string): Row[] => (core().availability as Row[]).filter((r) => r.SKU === sku && r.Location === location);
	const availableAt = (sku: string, location: string) => rowsOf(sku, location).reduce((a, r) => a + r.Available, 0);
	const allocatedAt = (sku: string, location: string) => rowsOf(sku, location).reduce((a, r) => a + r.Allocated, 0);
	const customer = () => core().customers.find((c: { Status: string; Currency: string }) => c.Status === 'Active' && c.Currency === 'AUD');
	/** Stock products with at least `min` available at Main Warehouse, none of them used by an earlier test. */
	const used = new Set<string>();
	function stockProduct(min: number): string {
		const p = core().products.find((x: { SKU: string; Type: string; Status: string }) => x.Type === 'Stock' && x.Status === 'Active' && !used.has(x.SKU) && availableAt(x.SKU, 'Main Warehouse') >= min);
		used.add(p.SKU);
		return p.SKU;
	}
	function shortProduct(): string {
		const p = core().products.find((x: { SKU: string; Type: string; Status: string }) => x.Type === 'Stock' && x.Status === 'Active' && !used.has(x.SKU) && availableAt(x.SKU, 'Main Warehouse') <= 0);
		used.add(p.SKU);
		return p.SKU;
	}
	async function sale(status: 'DRAFT' | 'AUTHORISED', lines: Array<{ SKU: string; Quantity: number; DropShip?: boolean }>) {
		const h = await call(`${base}/sale`, { method: 'POST', headers: CORE_HEADERS, body: { CustomerID: customer().ID, Location: 'Main Warehouse', SkipQuote: true } });
		expect(h.status).toBe(200);
		const body = { SaleID: h.body.ID, Status: status, Lines: lines.map((l) => ({ ...l, Price: 10, Tax: 0, TaxRule: 'GST on Income', Total: 10 * l.Quantity })) };
		const o = await call(`${base}/sale/order`, { method: 'POST', headers: CORE_HEADERS, body });
		expect(o.status).toBe(200);
		return (await call(`${base}/sale?ID=${h.body.ID}`, { headers: CORE_HEADERS })).body;
	}
	const service = () => core().products.find((x: { Type: string }) => x.Type === 'Service').SKU as string;

	it('allocates the stock lines of an authorised order and nothing for a Service line', async () => {
		const sku = stockProduct(5);
		const [available, allocated] = [availableAt(sku, 'Main Warehouse'), allocatedAt(sku, 'Main Warehouse')];
		const s = await sale('AUTHORISED', [{ SKU: sku, Quantity: 3 }, { SKU: service(), Quantity: 2 }]);
		expect({ order: s.Order.Status, status: s.Status }).toEqual({ order: 'AUTHORISED', status: 'ORDERED' });
		expect([availableAt(sku, 'Main Warehouse'), allocatedAt(sku, 'Main Warehouse')]).toEqual([available - 3, allocated + 3]);
		expect((core().availability as Row[]).filter((r) => r.SKU === service())).toEqual([]);
	});

	it('backorders an authorised order short of stock and allocates none of it', async () => {
		const [sku, short] = [stockProduct(5), shortProduct()];
		const before = [availableAt(sku, 'Main Warehouse'), availableAt(short, 'Main Warehouse')];
		const s = await sale('AUTHORISED', [{ SKU: sku, Quantity: 1 }, { SKU: short, Quantity: 2 }]);
		expect({ order: s.Order.Status, status: s.Status }).toEqual({ order: 'AUTHORISED', status: 'BACKORDERED' });
		expect([availableAt(sku, 'Main Warehouse'), availableAt(short, 'Main Warehouse')]).toEqual(before);
	});

	it('claims nothing for a draft order', async () => {
		const [sku, short] = [stockProduct(5), shortProduct()];
		const before = JSON.stringify([rowsOf(sku, 'Main Warehouse'), rowsOf(short, 'Main Warehouse')]);
		const s = await sale('DRAFT', [{ SKU: sku, Quantity: 2 }, { SKU: short, Quantity: 2 }]);
		expect({ order: s.Order.Status, status: s.Status }).toEqual({ order: 'DRAFT', status: 'ORDERING' });
		expect(JSON.stringify([rowsOf(sku, 'Main Warehouse'), rowsOf(short, 'Main Warehouse')])).toBe(before);
	});

	it('neither allocates nor backorders drop-ship lines (the line flag or an Always Drop Ship product)', async () => {
		const [sku, flagged, always] = [stockProduct(5), shortProduct(), shortProduct()];
		const id = core().products.find((x: { SKU: string }) => x.SKU === always).ID;
		const put = await call(`${base}/product`, { method: 'PUT', headers: CORE_HEADERS, body: { ID: id, DropShipMode: 'Always Drop Ship' } });
		expect(put.status).toBe(200);
		const available = availableAt(sku, 'Main Warehouse');
		const s = await sale('AUTHORISED', [{ SKU: sku, Quantity: 1 }, { SKU: flagged, Quantity: 4, DropShip: true }, { SKU: always, Quantity: 4 }]);
		expect({ order: s.Order.Status, status: s.Status }).toEqual({ order: 'AUTHORISED', status: 'ORDERED' });
		expect([availableAt(sku, 'Main Warehouse'), rowsOf(flagged, 'Main Warehouse'), rowsOf(always, 'Main Warehouse')]).toEqual([available - 1, [], []]);
	});
});
