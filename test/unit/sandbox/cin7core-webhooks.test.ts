/**
 * Sandbox: Cin7 Core webhooks (reference §A11). /webhooks CRUD with its validation and the limit of
 * 5 per type; delivery of the documented payloads when data changes through the API or
 * /_sandbox/mutate, with each webhook's authorization and headers; retries on the documented
 * schedule (time-scaled) and deactivation after the 6th failed retry; the delivery log in
 * /_sandbox/state without secrets.
 */
import * as http from 'http';

import { call, CORE_HEADERS, sleep, start, type Started } from './helpers';

interface Received {
	headers: http.IncomingHttpHeaders;
	body: any;
}

/** A local endpoint standing in for n8n: records deliveries, answers with `status()`. */
async function receiver() {
	const got: Received[] = [];
	const ctl = { status: () => 200 };
	const server = http.createServer((req, res) => {
		let b = '';
		req.on('data', (c) => (b += c));
		req.on('end', () => {
			got.push({ headers: req.headers, body: b ? JSON.parse(b) : null });
			res.writeHead(ctl.status());
			res.end('ok');
		});
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
	const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/hook`;
	return { got, ctl, url, close: () => new Promise<void>((r) => server.close(() => r())) };
}

async function until(check: () => boolean | Promise<boolean>, ms = 5000) {
	const t0 = Date.now();
	while (Date.now() - t0 < ms) {
		if (await check()) return;
		await sleep(20);
	}
	throw new Error('timed out waiting');
}

describe('sandbox: Cin7 Core webhooks', () => {
	let sb: Started;
	let base: string;
	let rx: Awaited<ReturnType<typeof receiver>>;
	const core = (m: string, p: string, body?: unknown) => call(`${base}${p}`, { method: m, headers: CORE_HEADERS, body });
	const register = (o: Record<string, unknown>) =>
		core('POST', '/webhooks', { ExternalURL: rx.url, ExternalAuthorizationType: 'bearerauth', ExternalBearerToken: 'tok-1', ...o });
	const state = async () => (await call(`${sb.url}/_sandbox/state?system=cin7core`)).body;
	const mutate = (body: Record<string, unknown>) => call(`${sb.url}/_sandbox/mutate`, { method: 'POST', body: { system: 'cin7core', ...body } });
	/** The only stock row of its product in Main Warehouse, with plenty available. */
	const stocked = () => {
		const rows = sb.state.cin7core.availability.filter((r: any) => r.Location === 'Main Warehouse');
		return rows.find((r: any) => r.Available > 5 && rows.filter((x: any) => x.ID === r.ID).length === 1);
	};

	beforeAll(async () => {
		// A vendor minute lasts 10 ms: the retries (76 minutes) take under a second.
		sb = await start({ rateLimits: false, timeScale: 6000 });
		base = `${sb.url}/cin7core/ExternalApi/v2`;
		rx = await receiver();
	});
	afterAll(async () => {
		await sb.close();
		await rx.close();
	});
	beforeEach(async () => {
		for (const h of (await core('GET', '/webhooks')).body.Webhooks) await core('DELETE', `/webhooks?ID=${h.ID}`);
		rx.got.length = 0;
		rx.ctl.status = () => 200;
	});

	it('GET lists, POST creates (Name read-only), PUT updates by ID, DELETE removes', async () => {
		expect((await core('GET', '/webhooks')).body).toEqual({ Webhooks: [] });
		const made = await register({ Type: 'sale/orderauthorised', Name: 'ignored' });
		expect(made.status).toBe(200);
		expect(made.body).toEqual(expect.objectContaining({ ID: expect.any(String), Type: 'Sale/OrderAuthorised', IsActive: true, ExternalURL: rx.url, ExternalAuthorizationType: 'bearerauth' }));
		expect(made.body.Name).not.toBe('ignored');
		const put = await core('PUT', '/webhooks', { ...made.body, IsActive: false, ExternalHeaders: [{ Key: 'X-A', Value: '1' }] });
		expect(put.body).toEqual(expect.objectContaining({ IsActive: false, ExternalHeaders: [{ Key: 'X-A', Value: '1' }] }));
		expect((await core('PUT', '/webhooks', { ...made.body, ID: 'nope' })).status).toBe(400);
		expect((await core('DELETE', `/webhooks?ID=${made.body.ID}`)).body).toEqual({ Webhooks: [] });
		expect((await core('DELETE', `/webhooks?ID=${made.body.ID}`)).status).toBe(400);
		expect((await core('PATCH', '/webhooks')).status).toBe(405);
	});

	it('validates Type, the URL and the authorization fields', async () => {
		const bad = async (o: Record<string, unknown>, re: RegExp) => {
			const r = await register(o);
			expect(r.status).toBe(400);
			expect(r.body[0]).toEqual({ ErrorCode: 400, Exception: expect.stringMatching(re) });
		};
		await bad({ Type: 'Sale/Shipped' }, /Type 'Sale\/Shipped' is not valid/);
		await bad({ Type: undefined }, /Required attribute Type/);
		await bad({ Type: 'Sale/Created', ExternalURL: 'ftp://x' }, /not a valid http/);
		await bad({ Type: 'Sale/Created', ExternalURL: '' }, /Required attribute ExternalURL/);
		await bad({ Type: 'Sale/Created', ExternalAuthorizationType: 'oauth' }, /ExternalAuthorizationType 'oauth' is not valid/);
		await bad({ Type: 'Sale/Created', ExternalBearerToken: '' }, /ExternalBearerToken is not provided/);
		await bad({ Type: 'Sale/Created', ExternalAuthorizationType: 'basicauth', ExternalUserName: 'u' }, /ExternalPassword is not provided/);
		await bad({ Type: 'Sale/Created', ExternalHeaders: [{ Value: 'x' }] }, /ExternalHeaders/);
	});

	it('keeps at most 5 webhooks of one type (the documented limit)', async () => {
		for (let i = 0; i < 5; i++) expect((await register({ Type: 'Customer/Updated' })).status).toBe(200);
		const sixth = await register({ Type: 'Customer/Updated' });
		expect(sixth.status).toBe(400);
		expect(sixth.body[0].Exception).toMatch(/Maximum number of webhooks of the same type is 5/);
		expect((await register({ Type: 'Product/Updated' })).status).toBe(200);
		// Changing another webhook's type into a full one is refused too.
		const other = (await core('GET', '/webhooks')).body.Webhooks.find((h: any) => h.Type === 'Product/Updated');
		expect((await core('PUT', '/webhooks', { ...other, Type: 'Customer/Updated' })).status).toBe(400);
	});

	it('delivers sale events with the bearer token, in the documented shapes (shipment keys differ)', async () => {
		for (const Type of ['Sale/Created', 'Sale/OrderAuthorised', 'Sale/PickAuthorised', 'Sale/ShipmentAuthorised', 'Sale/Voided']) await register({ Type });
		const row = stocked();
		const customer = sb.state.cin7core.customers[0];
		const sale = (await core('POST', '/sale', { Customer: customer.Name, Location: 'Main Warehouse', SkipQuote: true })).body;
		await core('POST', '/sale/order', { SaleID: sale.ID, Status: 'AUTHORISED', Lines: [{ SKU: row.SKU, Quantity: 1, Price: 5 }], AutoPickPackShipMode: 'AUTOPICKPACK' });
		await core('POST', '/sale/fulfilment/ship', { TaskID: sale.ID, Status: 'AUTHORISED', Lines: [{ TrackingNumber: 'TN1', Carrier: 'DHL' }] });
		await until(() => rx.got.length >= 4);
		expect(rx.got.every((g) => g.headers.authorization === 'Bearer tok-1')).toBe(true);
		const byType = Object.fromEntries(rx.got.map((g) => [g.body.EventType, g.body]));
		const number = byType['Sale/OrderAuthorised'].SaleOrderNumber;
		expect(number).toMatch(/^SO-/);
		expect(byType['Sale/Created']).toEqual(
			expect.objectContaining({ SaleID: sale.ID, CustomerName: customer.Name, TaskTypeSign: '0', IsServiceOnly: '0', EventType: 'Sale/Created' }),
		);
		expect(byType['Sale/OrderAuthorised']).toEqual({ SaleID: sale.ID, SaleOrderNumber: number, EventType: 'Sale/OrderAuthorised' });
		expect(byType['Sale/PickAuthorised']).toEqual({ SaleID: sale.ID, SaleOrderNumber: number, TaskID: sale.ID, EventType: 'Sale/PickAuthorised' });
		expect(byType['Sale/ShipmentAuthorised']).toEqual({ SaleTaskID: sale.ID, TenantID: expect.any(String), OrderNumber: number, CustomerName: customer.Name, EventType: 'Sale/ShipmentAuthorised' });
		expect(byType['Sale/Voided']).toBeUndefined();
	});

	it('delivers Customer/Updated and Product/Updated (fat payloads, booleans as "0"/"1"), with basic auth and custom headers', async () => {
		await register({ Type: 'Customer/Updated', ExternalAuthorizationType: 'basicauth', ExternalUserName: 'cin7', ExternalPassword: 'pw', ExternalBearerToken: undefined, ExternalHeaders: [{ Key: 'X-Shop', Value: 'north' }] });
		await register({ Type: 'Product/Updated' });
		const c = sb.state.cin7core.customers[1];
		await core('PUT', '/customer', { ID: c.ID, Comments: 'changed' });
		await mutate({ entity: 'product', sku: sb.state.cin7core.products[1].SKU, patch: { ShortDescription: 'x' } });
		await until(() => rx.got.length >= 2);
		const cust = rx.got.find((g) => g.body.EventType === 'Customer/Updated')!;
		expect(cust.headers.authorization).toBe(`Basic ${Buffer.from('cin7:pw').toString('base64')}`);
		expect(cust.headers['x-shop']).toBe('north');
		expect(cust.body.NumberOfCustomers).toBe(1);
		const entry = cust.body.CustomerDetailsList[0];
		expect(entry.Customer).toEqual(expect.objectContaining({ ID: c.ID, Comments: 'changed', IsOnCreditHold: expect.stringMatching(/^[01]$/) }));
		expect(entry.Customer.Contacts).toBeUndefined();
		expect(entry.Contacts.length).toBeGreaterThan(0);
		expect(entry.Contacts.every((k: any) => k.Default === '0' || k.Default === '1')).toBe(true);
		const prod = rx.got.find((g) => g.body.EventType === 'Product/Updated')!;
		expect(prod.body).toEqual(expect.objectContaining({ NumberOfProducts: 1, ProductDetailsList: [expect.objectContaining({ Event: 'Update', ShortDescription: 'x' })] }));
	});

	it('delivers Stock/AvailableStockLevelChanged as a bare array of the changed availability rows (API and mutate)', async () => {
		await register({ Type: 'Stock/AvailableStockLevelChanged' });
		const row = stocked();
		const before = row.Available;
		const sale = (await core('POST', '/sale', { Customer: sb.state.cin7core.customers[2].Name, Location: 'Main Warehouse', SkipQuote: true })).body;
		await core('POST', '/sale/order', { SaleID: sale.ID, Status: 'AUTHORISED', Lines: [{ SKU: row.SKU, Quantity: 2, Price: 5 }] });
		await until(() => rx.got.length >= 1);
		expect(Array.isArray(rx.got[0].body)).toBe(true);
		expect(rx.got[0].body).toEqual([expect.objectContaining({ SKU: row.SKU, Location: 'Main Warehouse', Available: before - 2 })]);
		await mutate({ entity: 'availability', sku: row.SKU, location: 'Sydney Store', patch: { OnHand: 7, Allocated: 0 } });
		await until(() => rx.got.length >= 2);
		expect(rx.got[1].body).toEqual([expect.objectContaining({ SKU: row.SKU, Location: 'Sydney Store', Available: 7 })]);
	});

	it('retries a failed delivery on the schedule and deactivates the webhook after the 6th failed retry', async () => {
		const made = (await register({ Type: 'Customer/Updated' })).body;
		rx.ctl.status = () => 500;
		const t0 = Date.now();
		await mutate({ entity: 'customer', id: sb.state.cin7core.customers[3].ID, patch: { Comments: 'a' } });
		await until(async () => (await state()).webhookDeliveries.some((d: any) => d.status === 'failed'), 10000);
		const elapsed = Date.now() - t0;
		const s = await state();
		const d = s.webhookDeliveries.find((x: any) => x.webhookId === made.ID);
		expect(d.attempts).toHaveLength(7);
		expect(d.attempts.every((a: any) => a.status === 500)).toBe(true);
		expect(d.deactivatedWebhook).toBe(true);
		// 1 + 5 + 10 + 15 + 20 + 25 = 76 vendor minutes, 10 ms each here.
		expect(elapsed).toBeGreaterThanOrEqual(760);
		const gaps = d.attempts.slice(1).map((a: any, i: number) => Date.parse(a.at) - Date.parse(d.attempts[i].at));
		expect(gaps[5]).toBeGreaterThan(gaps[0]);
		expect(s.webhooks.find((h: any) => h.ID === made.ID).IsActive).toBe(false);

		// Deactivated: later changes are not delivered, until it is re-activated by PUT.
		rx.ctl.status = () => 200;
		const n = rx.got.length;
		await mutate({ entity: 'customer', id: sb.state.cin7core.customers[3].ID, patch: { Comments: 'b' } });
		await sleep(100);
		expect(rx.got.length).toBe(n);
		const full = (await core('GET', '/webhooks')).body.Webhooks.find((h: any) => h.ID === made.ID);
		await core('PUT', '/webhooks', { ...full, IsActive: true });
		await mutate({ entity: 'customer', id: sb.state.cin7core.customers[3].ID, patch: { Comments: 'c' } });
		await until(() => rx.got.length === n + 1);
	});

	it('a delivery that succeeds on a retry is delivered once and the webhook stays active', async () => {
		const made = (await register({ Type: 'Product/Updated' })).body;
		let calls = 0;
		rx.ctl.status = () => (++calls <= 2 ? 503 : 200);
		await mutate({ entity: 'product', sku: sb.state.cin7core.products[2].SKU, patch: { ShortDescription: 'y' } });
		await until(async () => (await state()).webhookDeliveries.some((d: any) => d.webhookId === made.ID && d.status === 'delivered'));
		const s = await state();
		const d = s.webhookDeliveries.find((x: any) => x.webhookId === made.ID);
		expect(d.attempts.map((a: any) => a.status)).toEqual([503, 503, 200]);
		expect(s.webhooks.find((h: any) => h.ID === made.ID).IsActive).toBe(true);
	});

	it('shows webhooks and deliveries in /_sandbox/state without passwords, tokens or header values; mutate can deactivate', async () => {
		const made = (await register({ Type: 'Product/Updated', ExternalBearerToken: 'very-secret-token', ExternalHeaders: [{ Key: 'X-Key', Value: 'hdr-secret' }] })).body;
		await mutate({ entity: 'product', sku: sb.state.cin7core.products[4].SKU, patch: { ShortDescription: 'z' } });
		await until(() => rx.got.length >= 1);
		const text = JSON.stringify(await state());
		expect(text).not.toContain('very-secret-token');
		expect(text).not.toContain('hdr-secret');
		const shown = (await state()).webhooks.find((h: any) => h.ID === made.ID);
		expect(shown).toEqual(expect.objectContaining({ ExternalBearerToken: '***', ExternalHeaders: [{ Key: 'X-Key', Value: '***' }] }));
		const off = await mutate({ entity: 'webhook', id: made.ID, patch: { IsActive: false } });
		expect(off.body).toEqual(expect.objectContaining({ ID: made.ID, IsActive: false, ExternalBearerToken: '***' }));
		// The request log never holds bodies or headers.
		expect(JSON.stringify((await call(`${sb.url}/_sandbox/requests?system=cin7core`)).body)).not.toContain('very-secret-token');
	});

	it('delivers nothing to inactive webhooks or webhooks of other types', async () => {
		const made = (await register({ Type: 'Customer/Updated', IsActive: false })).body;
		await register({ Type: 'Supplier/Updated' });
		await mutate({ entity: 'customer', id: sb.state.cin7core.customers[5].ID, patch: { Comments: 'q' } });
		await sleep(100);
		expect(rx.got).toHaveLength(0);
		expect((await state()).webhookDeliveries.filter((d: any) => d.webhookId === made.ID)).toHaveLength(0);
	});
});
