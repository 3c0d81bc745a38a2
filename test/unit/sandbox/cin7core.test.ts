import { start, call, CORE_HEADERS, Started } from './helpers';

describe('sandbox: Cin7 Core', () => {
	let sb: Started;
	let base: string;
	beforeAll(async () => {
		sb = await start({ rateLimits: false });
		base = `${sb.url}/cin7core/ExternalApi/v2`;
	});
	afterAll(() => sb.close());

	it('rejects wrong credentials with 403 "Incorrect credentials!"', async () => {
		const r = await call(`${base}/me`, { headers: { ...CORE_HEADERS, 'api-auth-applicationkey': 'wrong' } });
		expect(r.status).toBe(403);
		expect(r.text).toBe('Incorrect credentials!');
		const none = await call(`${base}/me`);
		expect(none.status).toBe(403);
	});

	it('answers /me and matches paths case-insensitively', async () => {
		const me = await call(`${base}/me`, { headers: CORE_HEADERS });
		expect(me.status).toBe(200);
		expect(me.body.Company).toBeTruthy();
		const a = await call(`${base}/Product?Page=1&Limit=1`, { headers: CORE_HEADERS });
		const b = await call(`${sb.url}/cin7core/externalapi/v2/product?page=1&limit=1`, { headers: CORE_HEADERS });
		expect(a.body).toEqual(b.body);
	});

	it('uses {Total, Page, Products} envelopes and caps Limit at 1000', async () => {
		const r = await call(`${base}/product?Page=2&Limit=100`, { headers: CORE_HEADERS });
		expect(r.status).toBe(200);
		expect(r.body.Page).toBe(2);
		expect(r.body.Products).toHaveLength(100);
		expect(r.body.Total).toBeGreaterThan(250);
		const big = await call(`${base}/product?Limit=1001`, { headers: CORE_HEADERS });
		expect(big.status).toBe(400);
		expect(big.body[0]).toEqual(expect.objectContaining({ ErrorCode: 400 }));
		// walking all pages returns every product once
		const seen = new Set<string>();
		for (let p = 1; ; p++) {
			const pg = await call(`${base}/product?Page=${p}&Limit=1000&IncludeDeprecated=true`, { headers: CORE_HEADERS });
			pg.body.Products.forEach((x: any) => seen.add(x.ID));
			if (pg.body.Products.length < 1000) break;
		}
		expect(seen.size).toBe(sb.state.cin7core.products.length);
	});

	it('filters products and customers by ModifiedSince (UTC)', async () => {
		const all = await call(`${base}/customer?Limit=1000`, { headers: CORE_HEADERS });
		const since = '2025-06-01T00:00:00';
		const r = await call(`${base}/customer?Limit=1000&ModifiedSince=${since}`, { headers: CORE_HEADERS });
		expect(r.body.Total).toBeGreaterThan(0);
		expect(r.body.Total).toBeLessThan(all.body.Total);
		for (const c of r.body.CustomerList) expect(Date.parse(c.LastModifiedOn.replace(/Z?$/, 'Z'))).toBeGreaterThanOrEqual(Date.parse(since + 'Z'));
		const p = await call(`${base}/product?Limit=1000&ModifiedSince=2025-06-01`, { headers: CORE_HEADERS });
		expect(p.body.Total).toBeGreaterThan(0);
	});

	it('seeds marketing consent 1/2/3/missing, non-first Default contacts and default contacts without email', async () => {
		const cs = sb.state.cin7core.customers;
		const defaults = cs.map((c: any) => c.Contacts.find((x: any) => x.Default));
		const consent = new Set(defaults.map((d: any) => d.MarketingConsent));
		expect([...consent].sort()).toEqual([1, 2, 3, undefined].sort());
		expect(cs.some((c: any) => c.Contacts.length > 1 && !c.Contacts[0].Default)).toBe(true);
		expect(defaults.some((d: any) => !d.Email)).toBe(true);
	});

	it('serves availability rows per location × bin × batch without all-zero rows; StockOnHand is money', async () => {
		const r = await call(`${base}/ref/productavailability?Limit=1000`, { headers: CORE_HEADERS });
		const rows = r.body.ProductAvailabilityList;
		expect(rows.length).toBeGreaterThan(300);
		expect(rows.some((x: any) => x.Location === 'Quarantine')).toBe(true);
		expect(rows.some((x: any) => x.Bin === 'Wholesale Reserve')).toBe(true);
		expect(rows.some((x: any) => x.Batch)).toBe(true);
		expect(rows.every((x: any) => x.OnHand !== 0 || x.Available !== 0 || x.OnOrder !== 0)).toBe(true);
		const withStock = rows.find((x: any) => x.OnHand > 0);
		expect(withStock.StockOnHand).not.toBe(withStock.OnHand);
		const one = await call(`${base}/ref/productavailability?Sku=${withStock.SKU}`, { headers: CORE_HEADERS });
		expect(one.body.ProductAvailabilityList.every((x: any) => x.SKU === withStock.SKU)).toBe(true);
	});

	it('serves every product case available to sell tells apart: deprecated with rows, active stock without rows, service, setup required', async () => {
		const all: any[] = [];
		for (let p = 1; ; p++) {
			const pg = await call(`${base}/product?Page=${p}&Limit=1000&IncludeDeprecated=true`, { headers: CORE_HEADERS });
			all.push(...pg.body.Products);
			if (pg.body.Products.length < 1000) break;
		}
		const rows = (await call(`${base}/ref/productavailability?Limit=1000`, { headers: CORE_HEADERS })).body.ProductAvailabilityList;
		const withRows = new Set(rows.map((r: any) => r.ID));
		expect(all.some((p) => p.Status === 'Deprecated' && withRows.has(p.ID))).toBe(true);
		expect(all.filter((p) => p.Status === 'Active' && p.Type === 'Stock' && !withRows.has(p.ID)).length).toBeGreaterThanOrEqual(3);
		const service = all.find((p) => p.Type === 'Service');
		expect(service).toMatchObject({ SKU: 'SVC-00001', Status: 'Active' });
		expect(withRows.has(service.ID)).toBe(false);
		const setup = all.find((p) => p.Status === 'Setup required');
		expect(setup).toMatchObject({ SKU: 'SETUP-00001', Type: 'Stock' });
		expect(rows.filter((r: any) => r.ID === setup.ID).map((r: any) => [r.SKU, r.Location, r.Available])).toEqual([['SETUP-00001', 'Sydney Store', 12]]);
		// Appended after the generated products: the seeded ones keep their order, and the seed is stable.
		const seeded = all.filter((p) => /^SKU-\d{5}$/.test(p.SKU));
		expect(seeded.map((p) => p.SKU)).toEqual([...seeded.map((p) => p.SKU)].sort());
		expect(all.slice(-2).map((p) => p.SKU)).toEqual(['SVC-00001', 'SETUP-00001']);
		const again = await start({ rateLimits: false });
		try {
			const products = again.state.cin7core.products;
			expect(products.slice(-2).map((p: any) => [p.ID, p.SKU])).toEqual([
				[service.ID, service.SKU],
				[setup.ID, setup.SKU],
			]);
		} finally {
			await again.close();
		}
		// Without IncludeDeprecated the list leaves deprecated products out.
		const active = await call(`${base}/product?Limit=1000`, { headers: CORE_HEADERS });
		expect(active.body.Products.some((p: any) => p.Status === 'Deprecated')).toBe(false);
	});

	it('keeps stock rows on the product\'s SKU when a product is mutated', async () => {
		const row = sb.state.cin7core.availability.find((r: any) => r.Location === 'Online DC');
		const m = await call(`${sb.url}/_sandbox/mutate`, { method: 'POST', body: { system: 'cin7core', entity: 'product', id: row.ID, patch: { SKU: 'RENAMED-1' } } });
		expect(m.status).toBe(200);
		const one = await call(`${base}/ref/productavailability?Sku=RENAMED-1`, { headers: CORE_HEADERS });
		expect(one.body.ProductAvailabilityList.length).toBeGreaterThan(0);
		expect(one.body.ProductAvailabilityList.every((r: any) => r.ID === row.ID)).toBe(true);
	});

	it('creates and updates a customer; PUT merges Contacts by ID', async () => {
		const create = await call(`${base}/customer`, {
			method: 'POST', headers: CORE_HEADERS,
			body: { Name: 'Sandbox Test Co', Currency: 'AUD', PaymentTerm: '30 days', AccountReceivable: '1200', RevenueAccount: '4000', TaxRule: 'GST on Income', Status: 'Active', Contacts: [{ Name: 'Ann', Email: 'ann@t.co', Default: true, MarketingConsent: 2 }] },
		});
		expect(create.status).toBe(200);
		const c = create.body.CustomerList[0];
		const dup = await call(`${base}/customer`, { method: 'POST', headers: CORE_HEADERS, body: { ...c, ID: undefined } });
		expect(dup.status).toBe(400);
		const put = await call(`${base}/customer`, { method: 'PUT', headers: CORE_HEADERS, body: { ID: c.ID, Contacts: [{ ID: c.Contacts[0].ID, MarketingConsent: 3 }, { Name: 'Bob', Email: 'bob@t.co' }] } });
		expect(put.status).toBe(200);
		const contacts = put.body.CustomerList[0].Contacts;
		expect(contacts).toHaveLength(2);
		expect(contacts[0]).toEqual(expect.objectContaining({ Name: 'Ann', Email: 'ann@t.co', MarketingConsent: 3, Default: true }));
		const found = await call(`${base}/customer?ContactFilter=bob@t.co`, { headers: CORE_HEADERS });
		expect(found.body.CustomerList.map((x: any) => x.ID)).toEqual([c.ID]);
	});

	it('creates a product and rejects a duplicate SKU', async () => {
		const body = { SKU: 'NEW-SKU-1', Name: 'New product', Category: 'Apparel', Type: 'Stock', CostingMethod: 'FIFO', UOM: 'Item', Status: 'Active', PriceTier1: 12.5 };
		const r = await call(`${base}/product`, { method: 'POST', headers: CORE_HEADERS, body });
		expect(r.status).toBe(200);
		expect(r.body).toEqual(expect.objectContaining({ Total: 1, Page: 1 }));
		expect(r.body.Products[0].PriceTiers.Retail).toBe(12.5);
		expect((await call(`${base}/product`, { method: 'POST', headers: CORE_HEADERS, body })).status).toBe(400);
		const missing = await call(`${base}/product`, { method: 'POST', headers: CORE_HEADERS, body: { SKU: 'X-2', Name: 'x' } });
		expect(missing.body[0].Exception).toMatch(/Required attribute/);
	});

	it('runs a sale: header → order (allocates) → pick/pack/ship with tracking → invoice; saleList filters', async () => {
		const core = sb.state.cin7core;
		const row = core.availability.find((r: any) => r.Location === 'Main Warehouse' && r.Available > 10);
		const cust = core.customers.find((c: any) => c.Status === 'Active' && c.Currency === 'AUD');
		const h = await call(`${base}/sale`, { method: 'POST', headers: CORE_HEADERS, body: { CustomerID: cust.ID, Location: 'Main Warehouse', SkipQuote: true, ExternalID: 'SHOP-T-1' } });
		expect(h.status).toBe(200);
		const saleId = h.body.ID;
		const allocatedBefore = row.Allocated;
		const o = await call(`${base}/sale/order`, { method: 'POST', headers: CORE_HEADERS, body: { SaleID: saleId, Status: 'AUTHORISED', Lines: [{ SKU: row.SKU, Quantity: 3, Price: 10, Tax: 3, TaxRule: 'GST on Income', Total: 30 }] } });
		expect(o.body.Status).toBe('AUTHORISED');
		expect(row.Allocated).toBe(allocatedBefore + 3);
		expect((await call(`${base}/sale/fulfilment/pick`, { method: 'POST', headers: CORE_HEADERS, body: { TaskID: saleId, AutoPickMode: 'AUTOPICK' } })).status).toBe(200);
		expect((await call(`${base}/sale/fulfilment/pack`, { method: 'POST', headers: CORE_HEADERS, body: { TaskID: saleId, Status: 'AUTHORISED' } })).status).toBe(200);
		const ship = await call(`${base}/sale/fulfilment/ship`, { method: 'POST', headers: CORE_HEADERS, body: { TaskID: saleId, Status: 'AUTHORISED', Lines: [{ Carrier: 'DHL', TrackingNumber: 'TRACK-1', IsShipped: true }] } });
		expect(ship.body.Status).toBe('AUTHORISED');
		const inv = await call(`${base}/sale/invoice`, { method: 'POST', headers: CORE_HEADERS, body: { SaleID: saleId, TaskID: saleId, Status: 'AUTHORISED' } });
		expect(inv.body.InvoiceNumber).toMatch(/^INV-/);
		const list = await call(`${base}/saleList?ExternalID=SHOP-T-1`, { headers: CORE_HEADERS });
		expect(list.body.Total).toBe(1);
		expect(list.body.SaleList[0]).toEqual(expect.objectContaining({ SaleID: saleId, CombinedShippingStatus: 'SHIPPED', CombinedTrackingNumbers: 'TRACK-1', CombinedInvoiceStatus: 'INVOICED' }));
		const recent = await call(`${base}/saleList?UpdatedSince=${new Date(Date.now() - 60000).toISOString()}`, { headers: CORE_HEADERS });
		expect(recent.body.SaleList.map((x: any) => x.SaleID)).toContain(saleId);
		const get = await call(`${base}/sale?ID=${saleId}`, { headers: CORE_HEADERS });
		expect(get.body.ID).toBe(saleId);
		expect(get.body.Fulfilments[0].Ship.Lines[0].TrackingNumber).toBe('TRACK-1');
	});

	it('voids a sale with DELETE /sale?ID=&Void=true and releases allocation', async () => {
		const core = sb.state.cin7core;
		const row = core.availability.find((r: any) => r.Location === 'Sydney Store' && r.Available > 5 && r.Bin === null);
		const cust = core.customers.find((c: any) => c.Status === 'Active' && c.Currency === 'AUD');
		const h = await call(`${base}/sale`, { method: 'POST', headers: CORE_HEADERS, body: { Customer: cust.Name, Location: 'Sydney Store', SkipQuote: true } });
		const before = row.Allocated;
		await call(`${base}/sale/order`, { method: 'POST', headers: CORE_HEADERS, body: { SaleID: h.body.ID, Status: 'AUTHORISED', Lines: [{ SKU: row.SKU, Quantity: 1, Price: 1, Tax: 0, TaxRule: 'GST on Income', Total: 1 }] } });
		expect(row.Allocated).toBe(before + 1);
		const v = await call(`${base}/sale?ID=${h.body.ID}&Void=true`, { method: 'DELETE', headers: CORE_HEADERS });
		expect(v.body.Status).toBe('VOIDED');
		expect(row.Allocated).toBe(before);
	});

	it('answers 404 for unknown endpoints and 405 for verbs the endpoint lacks', async () => {
		expect((await call(`${base}/Products`, { headers: CORE_HEADERS })).status).toBe(404);
		expect((await call(`${base}/product`, { method: 'DELETE', headers: CORE_HEADERS })).status).toBe(405);
	});
});
