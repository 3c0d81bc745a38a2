import { core } from './fixture';

const { api, path, run } = core;

const CREATE = {
	resource: 'sale',
	operation: 'create',
	customer: 'Alice Ltd',
	location: 'Main',
	lines: { line: [{ SKU: 'A', Quantity: 2, Price: 10, Discount: 10, Tax: 0, TaxRule: '' }] },
	linesJson: '[]',
	saleType: 'Simple',
	orderStatus: 'AUTHORISED',
	createInvoice: false,
	additionalFields: { ExternalID: 'shop-1001' },
};

describe('Cin7 Core → Sale', () => {
	core.useTestEnv();

	it('gets a sale', async () => {
		api().get(path('/sale')).query({ ID: 's1' }).reply(200, { ID: 's1', Status: 'ORDERED' });
		expect((await run({ resource: 'sale', operation: 'get', saleId: 's1' })).json).toEqual([{ ID: 's1', Status: 'ORDERED' }]);
	});

	it('gets many sales with UpdatedSince and status filters', async () => {
		api()
			.get(path('/saleList'))
			.query({ UpdatedSince: '2026-02-01T00:00:00', Status: 'ORDERED', Page: 1, Limit: 1000 })
			.reply(200, { Total: 1, SaleList: [{ SaleID: 's1' }] });
		const { json } = await run({ resource: 'sale', operation: 'getAll', returnAll: true, filters: { UpdatedSince: '2026-02-01', Status: 'ORDERED' } });
		expect(json).toEqual([{ SaleID: 's1' }]);
	});

	it('creates header, then authorised order lines, then returns the full sale', async () => {
		api().get(path('/saleList')).query({ ExternalID: 'shop-1001', Page: 1, Limit: 1000 }).reply(200, { Total: 0, SaleList: [] });
		api()
			.post(path('/sale'), { ExternalID: 'shop-1001', Customer: 'Alice Ltd', Location: 'Main', SaleType: 'Simple', SkipQuote: true })
			.reply(200, { ID: 's-new' });
		api()
			.post(path('/sale/order'), {
				SaleID: 's-new',
				Status: 'AUTHORISED',
				Lines: [{ SKU: 'A', Quantity: 2, Price: 10, Discount: 10, Tax: 0, Total: 18 }],
			})
			.reply(200, { SaleID: 's-new', Status: 'AUTHORISED' });
		api().get(path('/sale')).query({ ID: 's-new' }).reply(200, { ID: 's-new', Order: { Lines: [{ SKU: 'A' }] } });
		const { json } = await run(CREATE);
		expect(json).toEqual([{ ID: 's-new', Order: { Lines: [{ SKU: 'A' }] }, alreadyExisted: false }]);
	});

	it('is idempotent: an existing External ID returns that sale without any POST', async () => {
		api()
			.get(path('/saleList'))
			.query({ ExternalID: 'shop-1001', Page: 1, Limit: 1000 })
			.reply(200, { Total: 1, SaleList: [{ SaleID: 's-old', ExternalID: 'shop-1001', Status: 'ORDERED' }] });
		api().get(path('/sale')).query({ ID: 's-old' }).reply(200, { ID: 's-old', Order: { Lines: [{ SKU: 'A', Quantity: 2 }] } });
		const { json, requests } = await run(CREATE);
		expect(json[0]).toMatchObject({ ID: 's-old', alreadyExisted: true });
		expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0);
	});

	it('is idempotent on Customer Reference for the same customer', async () => {
		api()
			.get(path('/saleList'))
			.query({ Search: 'PO-77', Page: 1, Limit: 1000 })
			.reply(200, {
				Total: 2,
				SaleList: [
					{ SaleID: 'other', CustomerReference: 'PO-77', Customer: 'Bob Inc', Status: 'ORDERED' },
					{ SaleID: 's-po', CustomerReference: 'po-77', Customer: 'Alice Ltd', Status: 'ORDERED' },
				],
			});
		api().get(path('/sale')).query({ ID: 's-po' }).reply(200, { ID: 's-po', Order: { Lines: [{ SKU: 'A' }] } });
		const { json, requests } = await run({ ...CREATE, additionalFields: { CustomerReference: 'PO-77' } });
		expect(json[0]).toMatchObject({ ID: 's-po', alreadyExisted: true });
		expect(requests.some((r) => r.method === 'POST')).toBe(false);
	});

	it('completes a sale whose earlier run stopped after the header, and adds the invoice', async () => {
		api()
			.get(path('/saleList'))
			.query(true)
			.reply(200, { Total: 1, SaleList: [{ SaleID: 's-half', ExternalID: 'shop-1001', Status: 'DRAFT' }] });
		api().get(path('/sale')).query({ ID: 's-half' }).reply(200, { ID: 's-half', Order: null });
		api().post(path('/sale/order'), (b) => b.SaleID === 's-half').reply(200, {});
		api()
			.post(path('/sale/invoice'), (b) => b.SaleID === 's-half' && b.TaskID === 's-half' && b.Status === 'AUTHORISED' && b.InvoiceDate === '2026-03-01')
			.reply(200, {});
		api().get(path('/sale')).query({ ID: 's-half' }).reply(200, { ID: 's-half', Status: 'INVOICED' });
		const { json } = await run({ ...CREATE, createInvoice: true });
		expect(json[0]).toEqual({ ID: 's-half', Status: 'INVOICED', alreadyExisted: true });
	});

	it('rejects a sale without lines and a line without quantity, naming item and field', async () => {
		await expect(run({ ...CREATE, lines: {} })).rejects.toThrow('Item 0: Lines are empty: a sale needs at least one line');
		await expect(run({ ...CREATE, linesJson: '[{"SKU":"A","Quantity":0}]' })).rejects.toThrow('Item 0: Lines[0].Quantity must be a number above 0');
		await expect(run({ ...CREATE, linesJson: '[{"SKU":' })).rejects.toThrow('Item 0: Lines (JSON) is not valid JSON');
	});

	it('explains that the header exists when adding lines fails', async () => {
		api().get(path('/saleList')).query(true).reply(200, { Total: 0, SaleList: [] });
		api().post(path('/sale')).reply(200, { ID: 's-new' });
		api().post(path('/sale/order')).reply(200, [{ ErrorCode: 400, Exception: 'Product not found' }]);
		const error = await run(CREATE).catch((e) => e);
		expect(error.message).toMatch(/Product not found/);
		expect(error.description).toMatch(/header exists as s-new/);
	});

	it('updates the sale header', async () => {
		api().put(path('/sale'), { Note: 'Gift', ID: 's1' }).reply(200, { ID: 's1', Note: 'Gift' });
		expect((await run({ resource: 'sale', operation: 'update', saleId: 's1', updateFields: { Note: 'Gift' } })).json[0].Note).toBe('Gift');
	});

	it('voids and undoes through DELETE /sale', async () => {
		api().delete(path('/sale')).query({ ID: 's1', Void: 'true' }).reply(200, { ID: 's1', Status: 'VOIDED' });
		expect((await run({ resource: 'sale', operation: 'void', saleId: 's1' })).json[0]).toMatchObject({ Status: 'VOIDED', action: 'voided' });
		api().delete(path('/sale')).query({ ID: 's1', Void: 'false' }).reply(204);
		expect((await run({ resource: 'sale', operation: 'undo', saleId: 's1' })).json[0]).toEqual({ saleId: 's1', action: 'undone' });
	});

	it('adds a shipment to every packed box of the first unshipped fulfilment', async () => {
		api()
			.get(path('/sale/fulfilment'))
			.query({ SaleID: 's1' })
			.reply(200, {
				SaleID: 's1',
				Fulfilments: [
					{ TaskID: 't1', Ship: { Status: 'AUTHORISED', Lines: [] } },
					{ TaskID: 't2', Pack: { Lines: [{ Box: 'B1' }, { Box: 'B2' }, { Box: 'B1' }] }, Ship: { Status: 'NOT AVAILABLE' } },
				],
			});
		api()
			.post(path('/sale/fulfilment/ship'), {
				TaskID: 't2',
				Status: 'AUTHORISED',
				Lines: ['B1', 'B2'].map((Box) => ({ ShipmentDate: '2026-03-01T12:00:00', Carrier: 'UPS', Box, TrackingNumber: '1Z', IsShipped: true })),
			})
			.reply(200, { TaskID: 't2', Status: 'AUTHORISED' });
		const { json } = await run({ resource: 'sale', operation: 'addShipment', saleId: 's1', carrier: 'UPS', trackingNumber: '1Z', additionalFields: {} });
		expect(json[0]).toEqual({ TaskID: 't2', Status: 'AUTHORISED' });
	});

	it('adds a tracking number to an authorised shipment with AddTrackingNumbers', async () => {
		const existing = { ShipmentDate: '2026-02-01T00:00:00', Carrier: 'UPS', Box: 'B1', TrackingNumber: 'OLD', IsShipped: true };
		api()
			.get(path('/sale/fulfilment'))
			.query({ SaleID: 's1' })
			.reply(200, { Fulfilments: [{ TaskID: 't1', Ship: { Status: 'AUTHORISED', Lines: [existing] } }] });
		api()
			.put(path('/sale/fulfilment/ship'), (b) => b.AddTrackingNumbers === true && b.Lines.length === 2 && b.Lines[1].TrackingNumber === 'NEW')
			.reply(200, { TaskID: 't1' });
		await run({ resource: 'sale', operation: 'addShipment', saleId: 's1', carrier: 'DHL', trackingNumber: 'NEW', additionalFields: { taskId: 't1', box: 'B1' } });
	});

	it('gets tracking of a sale', async () => {
		api()
			.get(path('/sale/fulfilment'))
			.query({ SaleID: 's1' })
			.reply(200, {
				Fulfilments: [
					{
						TaskID: 't1',
						FulfillmentNumber: 1,
						Ship: { Status: 'AUTHORISED', Lines: [{ Carrier: 'UPS', TrackingNumber: '1Z', TrackingURL: 'https://ups.test/1Z', Box: 'B1', IsShipped: true, ShipmentDate: '2026-02-01' }] },
					},
				],
			});
		const { json } = await run({ resource: 'sale', operation: 'getTracking', saleId: 's1' });
		expect(json[0]).toEqual({
			saleId: 's1',
			trackingNumbers: ['1Z'],
			shipments: [
				{
					taskId: 't1',
					fulfillmentNumber: 1,
					shipStatus: 'AUTHORISED',
					shipmentDate: '2026-02-01',
					carrier: 'UPS',
					trackingNumber: '1Z',
					trackingUrl: 'https://ups.test/1Z',
					box: 'B1',
					isShipped: true,
				},
			],
		});
	});
});
