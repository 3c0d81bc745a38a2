// Cin7 Core customer → Get Purchase Summary names the latest purchase (SaleID and order number), the
// "last order id" the Emarsys customers template writes; quotes, drafts and voided sales never count.
import { core } from './fixture';

const { api, path, run } = core;

describe('Cin7 Core → Customer → Get Purchase Summary: last order', () => {
	core.useTestEnv();

	it('picks the purchase with the latest order date, whatever the list order', async () => {
		api().get(path('/customer')).query(true).reply(200, { Total: 1, CustomerList: [{ ID: 'c9', Name: 'Zoe Co', Currency: 'AUD', Contacts: [] }] });
		api()
			.get(path('/saleList'))
			.query({ Search: 'Zoe Co', Page: 1, Limit: 1000 })
			.reply(200, {
				Total: 4,
				SaleList: [
					{ SaleID: 'late', CustomerID: 'c9', OrderNumber: 'SO-00031', Status: 'COMPLETED', OrderDate: '2026-03-01T08:00:00', InvoiceAmount: 10 },
					{ SaleID: 'early', CustomerID: 'c9', OrderNumber: 'SO-00007', Status: 'INVOICED', OrderDate: '2025-01-01T00:00:00', InvoiceAmount: 20 },
					{ SaleID: 'void', CustomerID: 'c9', OrderNumber: 'SO-00040', Status: 'VOIDED', OrderDate: '2026-04-01T00:00:00', InvoiceAmount: 99 },
					{ SaleID: 'quote', CustomerID: 'c9', OrderNumber: '', Status: 'ESTIMATED', OrderDate: '2026-05-01T00:00:00', InvoiceAmount: 0 },
				],
			});
		api().get(path('/saleCreditNoteList')).query({ Search: 'Zoe Co', Page: 1, Limit: 1000 }).reply(200, { Total: 0, SaleList: [] });
		const { json } = await run({ resource: 'customer', operation: 'getPurchaseSummary', customerId: 'c9' });
		expect(json[0]).toMatchObject({ orderCount: 2, lastOrderDate: '2026-03-01T08:00:00.000Z', lastOrderId: 'late', lastOrderNumber: 'SO-00031' });
	});

	it('has no last order for a customer without purchases', async () => {
		api().get(path('/customer')).query(true).reply(200, { Total: 1, CustomerList: [{ ID: 'c8', Name: 'New Co', Currency: 'AUD', Contacts: [] }] });
		api().get(path('/saleList')).query(true).reply(200, { Total: 0, SaleList: [] });
		api().get(path('/saleCreditNoteList')).query(true).reply(200, { Total: 0, SaleList: [] });
		const { json } = await run({ resource: 'customer', operation: 'getPurchaseSummary', customerId: 'c8' });
		expect(json[0]).toMatchObject({ orderCount: 0, lastOrderDate: null, lastOrderId: null, lastOrderNumber: null });
	});
});
