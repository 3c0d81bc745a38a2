// Cin7 Core Sale → Update Order Lines (added for the JOOR orders template's re-exports): replaces
// a draft order's lines through POST /sale/order and refuses an authorised one with the reason.
import { core } from './fixture';

const { api, path, run } = core;

const PARAMS = {
	resource: 'sale',
	operation: 'updateLines',
	saleId: 's1',
	linesJson: JSON.stringify([{ SKU: 'A', Quantity: 3, Price: 10 }, { SKU: 'B', Quantity: 1, Price: 4.5, Discount: 10 }]),
	orderStatus: 'DRAFT',
};

describe('Cin7 Core → Sale → Update Order Lines', () => {
	core.useTestEnv();

	it('replaces the lines of a draft order and returns the sale', async () => {
		api().get(path('/sale')).query({ ID: 's1' }).reply(200, { ID: 's1', Status: 'ORDERING', Order: { Status: 'DRAFT', Lines: [{ SKU: 'A', Quantity: 1 }] } });
		api()
			.post(path('/sale/order'), {
				SaleID: 's1',
				Status: 'DRAFT',
				Lines: [
					{ SKU: 'A', Quantity: 3, Price: 10, Discount: 0, Tax: 0, Total: 30 },
					{ SKU: 'B', Quantity: 1, Price: 4.5, Discount: 10, Tax: 0, Total: 4.05 },
				],
			})
			.reply(200, { SaleID: 's1', Status: 'DRAFT' });
		api().get(path('/sale')).query({ ID: 's1' }).reply(200, { ID: 's1', Order: { Status: 'DRAFT', Lines: [{ SKU: 'A', Quantity: 3 }, { SKU: 'B', Quantity: 1 }] } });
		const { json } = await run(PARAMS);
		expect(json).toEqual([{ ID: 's1', Order: { Status: 'DRAFT', Lines: [{ SKU: 'A', Quantity: 3 }, { SKU: 'B', Quantity: 1 }] }, linesReplaced: 2 }]);
	});

	it('refuses an authorised order without writing, naming its status', async () => {
		api().get(path('/sale')).query({ ID: 's1' }).reply(200, { ID: 's1', Status: 'ORDERED', Order: { Status: 'AUTHORISED', Lines: [] } });
		// no POST is mocked: nock would fail the test on any write
		await expect(run(PARAMS)).rejects.toThrow("Sale s1's order is AUTHORISED: its lines can no longer be replaced");
	});

	it('names the item and the field when the lines are empty', async () => {
		await expect(run({ ...PARAMS, linesJson: '[]', lines: {} })).rejects.toThrow('Item 0: Lines are empty: a sale needs at least one line');
	});
});
