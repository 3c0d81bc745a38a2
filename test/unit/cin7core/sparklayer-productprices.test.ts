// Cin7 Core → Customer → Get Many with Include Product Prices: the customer-specific prices the
// SparkLayer pricing template turns into one price list per customer.
import { core } from './fixture';

const { api, path, run } = core;

const withPrices = {
	ID: 'c1',
	Name: 'Alice Ltd',
	Tags: 'b2b',
	Contacts: [{ ID: 'k1', Name: 'Alice', Email: 'alice@alice.test', Default: true }],
	ProductPrices: [{ ProductID: 'p1', SKU: 'TEE-S', Price: 9.5 }],
};

describe('Cin7 Core → Customer → Get Many, Include Product Prices', () => {
	core.useTestEnv();

	it('asks Cin7 Core for the product prices and returns them with each customer', async () => {
		api()
			.get(path('/customer'))
			.query({ IncludeProductPrices: 'true', Page: 1, Limit: 1000 })
			.reply(200, { Total: 1, CustomerList: [withPrices] });
		const { json } = await run({ resource: 'customer', operation: 'getAll', returnAll: true, filters: { IncludeProductPrices: true } });
		expect(json).toHaveLength(1);
		expect(json[0].ProductPrices).toEqual([{ ProductID: 'p1', SKU: 'TEE-S', Price: 9.5 }]);
	});

	it('sends the flag as false when it is off (Cin7 Core then omits the prices)', async () => {
		api()
			.get(path('/customer'))
			.query({ IncludeProductPrices: 'false', Page: 1, Limit: 1000 })
			.reply(200, { Total: 1, CustomerList: [{ ...withPrices, ProductPrices: undefined }] });
		const { json } = await run({ resource: 'customer', operation: 'getAll', returnAll: true, filters: { IncludeProductPrices: false } });
		expect(json[0].ProductPrices).toBeUndefined();
	});
});
