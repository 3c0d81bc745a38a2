/**
 * Record fields as resource locators (nodes/shared/resourceLocator.ts): the value is read the same
 * in every mode and from a workflow saved when the field was plain text; "From List" searches with
 * a `where` and walks by id.
 */
import { searchContacts, searchProducts, searchSalesOrders } from '../../../nodes/Cin7Omni/methods/listSearch';
import { bodyOf, omni } from './fixture';

const rl = (mode: string, value: string | number) => ({ __rl: true, mode, value });
const search = () => omni.context({}, { poll: true });

describe('Cin7 Omni record fields', () => {
	omni.useTestEnv();

	it.each([
		['By ID', rl('id', '5')],
		['From List', rl('list', '5')],
		['a plain value saved before the field was a locator', 5],
	])('reads the sales order %s the same way (get, update, dispatch)', async (_how, orderId) => {
		omni.api().get(omni.path('/SalesOrders/5')).reply(200, { id: 5 });
		omni.api().put(omni.path('/SalesOrders')).times(2).reply(200, [{ index: 0, success: true, id: 5 }]);
		expect((await omni.run({ resource: 'salesOrder', operation: 'get', orderId })).out[0].json.id).toBe(5);
		const { requests: update } = await omni.run({ resource: 'salesOrder', operation: 'update', orderId, updateFields: { internalComments: 'hi' } });
		expect(bodyOf(update[0])).toEqual([{ id: 5, internalComments: 'hi' }]);
		const { requests: dispatch } = await omni.run({ resource: 'salesOrder', operation: 'dispatch', orderId, trackingCode: 'T1', additionalFields: {} });
		expect(bodyOf(dispatch[0])).toMatchObject([{ id: 5, stage: 'Dispatched', trackingCode: 'T1' }]);
	});

	it('reads contact and product locators; a value that is not an ID still names the item and field', async () => {
		omni.api().get(omni.path('/Contacts/41')).reply(200, { id: 41 });
		omni.api().get(omni.path('/Products/3')).reply(200, { id: 3 });
		expect((await omni.run({ resource: 'contact', operation: 'get', contactId: rl('list', '41') })).out[0].json.id).toBe(41);
		expect((await omni.run({ resource: 'product', operation: 'get', productId: rl('id', '3') })).out[0].json.id).toBe(3);
		await expect(omni.run({ resource: 'product', operation: 'get', productId: rl('id', 'SKU-1') })).rejects.toThrow(
			/^Item 0: Product must be a positive whole number \(got "SKU-1"\)/,
		);
	});

	it('searches contacts over company, names and email (and the id when a number is typed), paging by the last id', async () => {
		omni.api().get(omni.path('/Contacts')).query(true).times(2).reply(200, (uri) => {
			const q = new URL(uri, 'https://omni.test').searchParams;
			return q.get('where')?.includes('id>41')
				? [{ id: 57, type: 'Supplier', firstName: 'Ann', lastName: "O'Brien", email: 'ann@x.com' }]
				: Array.from({ length: 50 }, (_, k) => ({ id: k - 8, type: 'Customer', company: `Acme ${k}`, email: `c${k}@acme.test` }));
		});
		const { ctx, requests } = search();
		const first = await searchContacts.call(ctx, "O'Brien");
		expect(requests[0].qs).toMatchObject({
			where: "(company LIKE '%O''Brien%' OR firstName LIKE '%O''Brien%' OR lastName LIKE '%O''Brien%' OR email LIKE '%O''Brien%')",
			order: 'id ASC',
			rows: 50,
			fields: 'id,type,company,firstName,lastName,email',
		});
		expect(first.results[0]).toEqual({ name: 'Acme 9', value: '1', description: 'Customer · c9@acme.test' });
		expect(first.paginationToken).toBe('41');
		const next = await searchContacts.call(ctx, "O'Brien", '41');
		expect(requests[1].qs?.where).toMatch(/\) AND id>41$/);
		expect(next).toEqual({ results: [{ name: "Ann O'Brien", value: '57', description: 'Supplier · ann@x.com' }] });
	});

	it('searches products by name or style code and sales orders by reference, company or email', async () => {
		omni.api().get(omni.path('/Products')).query(true).reply(200, [{ id: 3, name: 'Tee', styleCode: 'TEE', status: 'Public' }]);
		omni.api().get(omni.path('/SalesOrders')).query(true).reply(200, [{ id: 5, reference: 'SO-5', firstName: 'Ann', lastName: 'Lee', stage: 'New' }]);
		const { ctx, requests } = search();
		expect(await searchProducts.call(ctx, '12')).toEqual({ results: [{ name: 'Tee (TEE)', value: '3', description: 'Public' }] });
		expect(requests[0].qs?.where).toBe("(name LIKE '%12%' OR styleCode LIKE '%12%' OR id=12)");
		expect(await searchSalesOrders.call(ctx, '')).toEqual({ results: [{ name: 'SO-5 · Ann Lee', value: '5', description: 'New' }] });
		expect(requests[1].qs?.where).toBeUndefined();
	});
});
