import type { IDataObject } from 'n8n-workflow';

import { expectPaired } from '../helpers/systemFixture';
import { em, ok } from './fixture';

em.useTestEnv();

const FIELDS = [
	{ id: 3, name: 'E-Mail', string_id: 'email', application_type: 'email' },
	{ id: 106500, name: 'loyalty_tier', string_id: 'loyalty_tier', application_type: 'shorttext' },
];

describe('Emarsys field', () => {
	it('gets many fields with a limit', async () => {
		em.api().get('/api/v2/field').reply(200, ok(FIELDS));
		const { json } = await em.run({ resource: 'field', operation: 'getAll', returnAll: false, limit: 1 });
		expect(json).toEqual([FIELDS[0]]);
	});

	it('ensures fields by name: creates the missing one, reports one of another type and never changes it', async () => {
		em.api().get('/api/v2/field').reply(200, ok(FIELDS));
		let created: IDataObject = {};
		em.api()
			.post('/api/v2/field')
			.reply(200, (_u, body) => {
				created = body as IDataObject;
				return ok({ id: 106501 });
			});
		const { json } = await em.run({
			resource: 'field',
			operation: 'ensure',
			onTypeConflict: 'report',
			fields: { field: [{ name: 'cin7_lifetime_value', type: 'numeric' }, { name: 'Loyalty_Tier', type: 'numeric' }] },
		});
		expect(created).toEqual({ name: 'cin7_lifetime_value', application_type: 'numeric' });
		expect(json).toEqual([
			{ name: 'cin7_lifetime_value', id: 106501, type: 'numeric', status: 'created' },
			{ name: 'Loyalty_Tier', id: 106500, type: 'numeric', existingType: 'shorttext', status: 'typeConflict' },
		]);
	});

	it('fails the item on a type conflict by default, creating nothing', async () => {
		em.api().get('/api/v2/field').reply(200, ok(FIELDS));
		await expect(
			em.run({ resource: 'field', operation: 'ensure', fields: { field: [{ name: 'new_one', type: 'date' }, { name: 'loyalty_tier', type: 'date' }] } }),
		).rejects.toThrow(/Item 0: Emarsys field type conflict: loyalty_tier exists as shorttext, not date/);
	});
});

describe('Emarsys contact list', () => {
	it('gets or creates a list by name, once per run however many items name it', async () => {
		em.api().get('/api/v2/contactlist').reply(200, ok([{ id: 9, name: 'VIP' }]));
		let body: IDataObject = {};
		em.api()
			.post('/api/v2/contactlist')
			.reply(200, (_u, b) => {
				body = b as IDataObject;
				return ok({ id: 12 });
			});
		const p = (name: string) => ({ resource: 'contactList', operation: 'getOrCreate', name, listDescription: '' });
		const { json } = await em.run([p(' vip '), p('Cin7 customers'), p('cin7 customers')], { items: em.items(3) });
		expect(body).toEqual({ key_id: '3', name: 'Cin7 customers', external_ids: [] });
		expect(json).toEqual([
			{ id: 9, name: 'VIP', created: false },
			{ id: 12, name: 'Cin7 customers', created: true },
			{ id: 12, name: 'Cin7 customers', created: false },
		]);
	});

	it('gets many lists', async () => {
		em.api().get('/api/v2/contactlist').reply(200, ok([{ id: 9, name: 'VIP' }, { id: 10, name: 'B' }]));
		const { json } = await em.run({ resource: 'contactList', operation: 'getAll', returnAll: true });
		expect(json).toHaveLength(2);
	});

	it('adds contacts in one call per list and reports unknown contacts per item', async () => {
		let body: IDataObject = {};
		em.api()
			.post('/api/v2/contactlist/9/add')
			.reply(200, (_u, b) => {
				body = b as IDataObject;
				return ok({ inserted_contacts: 1, errors: { 'zed@example.com': { 2008: 'No contact found with the external id: 3 - zed@example.com' } } });
			});
		const p = (keyValue: string) => ({ resource: 'contactList', operation: 'addContacts', listId: { __rl: true, mode: 'list', value: '9' }, keyField: 'email', keyValue });
		const { out } = await em.run([p('ann@example.com'), p('zed@example.com')], { items: em.items(2), continueOnFail: true });
		expect(body).toEqual({ key_id: '3', external_ids: ['ann@example.com', 'zed@example.com'] });
		expectPaired(out, [0, 1]);
		expect(out[0].json).toEqual({ key: 'ann@example.com', listId: 9, added: true });
		expect(out[1].json.error).toMatch(/^Item 1: Emarsys rejected the contact "zed@example.com \(list 9\)": 2008: No contact found/);
	});

	it('removes contacts from a list', async () => {
		em.api().post('/api/v2/contactlist/9/delete', { key_id: '3', external_ids: ['ann@example.com'] }).reply(200, ok({ deleted_contacts: 1 }));
		const { json } = await em.run({ resource: 'contactList', operation: 'removeContacts', listId: 9, keyField: 'email', keyValue: 'ann@example.com' });
		expect(json).toEqual([{ key: 'ann@example.com', listId: 9, removed: true }]);
	});
});

describe('Emarsys external event', () => {
	it('gets many events', async () => {
		em.api().get('/api/v2/event').reply(200, ok([{ id: 5001, name: 'cin7_first_purchase' }]));
		const { json } = await em.run({ resource: 'externalEvent', operation: 'getAll', returnAll: true });
		expect(json).toEqual([{ id: 5001, name: 'cin7_first_purchase' }]);
	});

	it('triggers for many contacts in one call per event, with data, and reports a missing contact on its item', async () => {
		const bodies: Record<string, IDataObject> = {};
		for (const id of [5001, 5002]) {
			em.api()
				.post(`/api/v2/event/${id}/trigger`)
				.reply(200, (_u, b) => {
					bodies[id] = b as IDataObject;
					return ok({ ids: [1], errors: id === 5001 ? { 'zed@example.com': { 2008: 'No contact found with the external id: 3 - zed@example.com' } } : undefined });
				});
		}
		const p = (eventId: number, keyValue: string, dataJson: IDataObject[string] = '{}') => ({ resource: 'externalEvent', operation: 'trigger', eventId, keyField: 'email', keyValue, dataJson });
		const { out } = await em.run(
			[p(5001, 'ann@example.com', { order_id: 'SO-1' }), p(5001, 'zed@example.com'), p(5002, 'bob@example.com', '{"order_id":"SO-2"}')],
			{ items: em.items(3), continueOnFail: true },
		);
		expect(bodies[5001]).toEqual({
			key_id: '3',
			contacts: [{ external_id: 'ann@example.com', data: { order_id: 'SO-1' } }, { external_id: 'zed@example.com' }],
		});
		expect(bodies[5002]).toEqual({ key_id: '3', contacts: [{ external_id: 'bob@example.com', data: { order_id: 'SO-2' } }] });
		expectPaired(out, [0, 1, 2]);
		expect(out[0].json).toEqual({ key: 'ann@example.com', eventId: 5001, triggered: true });
		expect(out[1].json).toMatchObject({ triggered: false, error: expect.stringMatching(/^Item 1: Emarsys rejected the contact "zed@example.com \(event 5001\)": 2008/) });
		expect(out[2].json).toEqual({ key: 'bob@example.com', eventId: 5002, triggered: true });
	});
});

describe('Emarsys contact get many', () => {
	it('walks /contact/query by offset, 10,000 per call, with the chosen field by name', async () => {
		const page = (n: number, from: number) => Array.from({ length: n }, (_, k) => ({ id: String(from + k), '3': `c${from + k}@example.com` }));
		em.api().get('/api/v2/contact/query/').query({ return: 3, limit: 10000, offset: 0 }).reply(200, ok({ result: page(10000, 0), total: 10002 }));
		em.api().get('/api/v2/contact/query/').query({ return: 3, limit: 10000, offset: 10000 }).reply(200, ok({ result: page(2, 10000), total: 10002 }));
		const { json } = await em.run({ resource: 'contact', operation: 'getAll', returnField: 'email', returnAll: true });
		expect(json).toHaveLength(10002);
		expect(json[10001]).toEqual({ id: '10001', email: 'c10001@example.com' });
	});
});

describe('Emarsys field ensure race', () => {
	it('reports a field another run created meanwhile (replyCode 5002) instead of failing', async () => {
		em.api().get('/api/v2/field').reply(200, ok(FIELDS));
		em.api().post('/api/v2/field').reply(400, { replyCode: 5002, replyText: 'Field name already exists', data: '' });
		em.api().get('/api/v2/field').reply(200, ok([...FIELDS, { id: 106502, name: 'cin7_order_count', string_id: 'cin7_order_count', application_type: 'numeric' }]));
		const { json } = await em.run({ resource: 'field', operation: 'ensure', onTypeConflict: 'error', fields: { field: [{ name: 'cin7_order_count', type: 'numeric' }] } });
		expect(json).toEqual([{ name: 'cin7_order_count', id: 106502, type: 'numeric', status: 'exists' }]);
	});
});
