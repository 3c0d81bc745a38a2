import { core } from './fixture';

const { api, path, run } = core;

const alice = {
	ID: 'c1',
	Name: 'Alice Ltd',
	Currency: 'USD',
	Tags: 'vip, wholesale',
	Contacts: [
		{ ID: 'k1', Name: 'Bob', Email: 'bob@alice.test', Default: false },
		{ ID: 'k2', Name: 'Alice', Email: 'alice@alice.test', Default: true, MarketingConsent: 2 },
	],
	Addresses: [{ ID: 'a1', Line1: '1 Road', Country: 'US', Type: 'Billing' }],
};

describe('Cin7 Core → Customer', () => {
	core.useTestEnv();

	it('gets a customer by ID', async () => {
		api().get(path('/customer')).query({ ID: 'c1', IncludeDeprecated: 'true', Page: 1, Limit: 1 }).reply(200, { Total: 1, CustomerList: [alice] });
		expect((await run({ resource: 'customer', operation: 'get', customerId: 'c1' })).json).toEqual([
			{ ...alice, marketingContact: expect.objectContaining({ contactId: 'k2', email: 'alice@alice.test', consent: 'optIn' }) },
		]);
	});

	it('finds customers by exact contact email and tag', async () => {
		api()
			.get(path('/customer'))
			.query({ ContactFilter: 'alice@alice.test', Page: 1, Limit: 1000 })
			.reply(200, {
				Total: 2,
				CustomerList: [alice, { ID: 'c2', Name: 'Alicea', Tags: 'vip', Contacts: [{ Name: 'alice@alice.test.bak', Email: 'x@y.z' }] }],
			});
		const { json } = await run({
			resource: 'customer',
			operation: 'getAll',
			returnAll: true,
			filters: { ContactFilter: 'alice@alice.test', tag: 'VIP' },
		});
		expect(json.map((c) => c.ID)).toEqual(['c1']);
	});

	it('gets many customers modified since a date', async () => {
		api()
			.get(path('/customer'))
			.query({ ModifiedSince: '2026-02-01T00:00:00', Page: 1, Limit: 50 })
			.reply(200, { Total: 1, CustomerList: [alice] });
		const { json } = await run({ resource: 'customer', operation: 'getAll', returnAll: false, limit: 50, filters: { ModifiedSince: '2026-02-01' } });
		expect(json).toHaveLength(1);
	});

	it('creates a customer with contacts', async () => {
		api()
			.post(path('/customer'), {
				Status: 'Active',
				Currency: 'USD',
				Name: 'New Co',
				Contacts: [{ Name: 'Ann', Email: 'ann@new.test', Default: true }],
			})
			.reply(200, { Total: 1, CustomerList: [{ ID: 'c9', Name: 'New Co' }] });
		const { json } = await run({
			resource: 'customer',
			operation: 'create',
			name: 'New Co',
			additionalFields: { Currency: 'USD', contactsJson: '[{"Name":"Ann","Email":"ann@new.test","Default":true}]' },
		});
		expect(json).toEqual([{ ID: 'c9', Name: 'New Co' }]);
	});

	it('updates a customer merging contacts and addresses by ID, never dropping any', async () => {
		api().get(path('/customer')).query(true).reply(200, { Total: 1, CustomerList: [alice] });
		api()
			.put(path('/customer'), {
				Tags: 'vip',
				ID: 'c1',
				Contacts: [
					{ ID: 'k1', Name: 'Bob', Email: 'bob@alice.test', Default: false },
					{ ID: 'k2', Name: 'Alice', Email: 'alice@new.test', Default: true, MarketingConsent: 2 },
					{ Name: 'Carol', Email: 'carol@alice.test' },
				],
				Addresses: alice.Addresses,
			})
			.reply(200, { Total: 1, CustomerList: [{ ID: 'c1' }] });
		const { json } = await run({
			resource: 'customer',
			operation: 'update',
			customerId: 'c1',
			updateFields: {
				Tags: 'vip',
				contactsJson: [{ ID: 'k2', Email: 'alice@new.test' }, { Name: 'Carol', Email: 'carol@alice.test' }],
			},
		});
		expect(json).toEqual([{ ID: 'c1' }]);
	});

	it('names the item and field when contacts are not an array', async () => {
		await expect(
			run({ resource: 'customer', operation: 'update', customerId: 'c1', updateFields: { contactsJson: '{"Name":"x"}' } }),
		).rejects.toThrow('Item 0: Contacts (JSON) must be a JSON array');
	});

	it('upserts by email: updates the customer that has the contact', async () => {
		api().get(path('/customer')).query({ ContactFilter: 'alice@alice.test', Page: 1, Limit: 1000 }).reply(200, { Total: 1, CustomerList: [alice] });
		api()
			.put(path('/customer'), (b) => b.ID === 'c1' && b.Name === 'Alice Ltd' && b.Contacts.length === 2)
			.reply(200, { CustomerList: [{ ID: 'c1' }] });
		const { json } = await run({ resource: 'customer', operation: 'upsert', matchBy: 'email', email: 'alice@alice.test', name: 'Alice Ltd', fields: {} });
		expect(json).toEqual([{ ID: 'c1' }]);
	});

	it('upserts by email: creates with a default contact when none matches', async () => {
		api().get(path('/customer')).query(true).reply(200, { Total: 0, CustomerList: [] });
		api()
			.post(path('/customer'), {
				Status: 'Active',
				Currency: 'EUR',
				Name: 'Zed',
				Contacts: [{ Name: 'Zed', Email: 'zed@z.test', Default: true }],
			})
			.reply(200, { CustomerList: [{ ID: 'c-new' }] });
		const { json } = await run({ resource: 'customer', operation: 'upsert', matchBy: 'email', email: 'zed@z.test', name: 'Zed', fields: { Currency: 'EUR' } });
		expect(json).toEqual([{ ID: 'c-new' }]);
	});

	it('summarises purchases: lifetime value, orders, first/last order, refunds', async () => {
		api().get(path('/customer')).query(true).reply(200, { Total: 1, CustomerList: [alice] });
		api()
			.get(path('/saleList'))
			.query({ Search: 'Alice Ltd', Page: 1, Limit: 1000 })
			.reply(200, {
				Total: 5,
				SaleList: [
					{ SaleID: 's1', CustomerID: 'c1', Status: 'COMPLETED', OrderDate: '2025-05-01T00:00:00', InvoiceAmount: 100 },
					{ SaleID: 's2', CustomerID: 'c1', Status: 'INVOICED', OrderDate: '2026-01-15T00:00:00', InvoiceAmount: 50.5 },
					{ SaleID: 's3', CustomerID: 'c1', Status: 'VOIDED', OrderDate: '2026-02-01T00:00:00', InvoiceAmount: 999 },
					{ SaleID: 's4', CustomerID: 'c1', Status: 'DRAFT', OrderDate: '2026-02-02T00:00:00', InvoiceAmount: 0 },
					{ SaleID: 's5', CustomerID: 'other', Status: 'COMPLETED', OrderDate: '2024-01-01T00:00:00', InvoiceAmount: 70 },
				],
			});
		api()
			.get(path('/saleCreditNoteList'))
			.query({ Search: 'Alice Ltd', Page: 1, Limit: 1000 })
			.reply(200, { Total: 1, SaleList: [{ SaleID: 's1', CustomerID: 'c1', CreditNoteStatus: 'AUTHORISED', CreditNoteAmount: 20 }] });
		const { json } = await run({ resource: 'customer', operation: 'getPurchaseSummary', customerId: 'c1' });
		expect(json[0]).toEqual({
			customerId: 'c1',
			customerName: 'Alice Ltd',
			currency: 'USD',
			orderCount: 2,
			grossSales: 150.5,
			refundedTotal: 20,
			creditNoteCount: 1,
			lifetimeValue: 130.5,
			averageOrderValue: 75.25,
			firstOrderDate: '2025-05-01T00:00:00.000Z',
			lastOrderDate: '2026-01-15T00:00:00.000Z',
			lastOrderId: 's2',
			lastOrderNumber: null,
		});
	});
});
