import nock from 'nock';

import { router } from '../../../nodes/Cin7Omni/actions/router';
import { acceptsEmail, subscriptionPatch, unsubscribePatch } from '../../../nodes/Cin7Omni/helpers/subscription';
import { useFakeClock } from '../helpers/fakeContext';
import { API, BASE, bodyOf, items, omniContext } from './omniContext';

describe('Cin7 Omni contacts', () => {
	let clock: ReturnType<typeof useFakeClock>;
	beforeEach(() => {
		clock = useFakeClock();
		nock.disableNetConnect();
	});
	// Each test file loads its own nock; the previous file's interceptor must not linger.
	afterAll(() => nock.restore());
	afterEach(() => {
		nock.cleanAll();
		clock.restore();
	});

	it('gets a contact and reports acceptsEmail from the default custom field', async () => {
		nock(BASE).get(`${API}/Contacts/41`).reply(200, { id: 41, email: 'a@x.com', customFields: { Receive_Email: 'Yes' } });
		const { ctx } = omniContext({ resource: 'contact', operation: 'get', contactId: '41' });
		const [out] = await router.call(ctx);
		expect(out[0].json).toMatchObject({ id: 41, acceptsEmail: true });
		expect(out[0].pairedItem).toEqual({ item: 0 });
	});

	it('rejects a bad contact ID naming the item and field', async () => {
		const { ctx } = omniContext({ resource: 'contact', operation: 'get', contactId: 'abc' });
		await expect(router.call(ctx)).rejects.toThrow(/Item 0: Contact ID must be a positive whole number/);
	});

	it('gets many contacts with modified-since, type and email filters', async () => {
		nock(BASE).get(`${API}/Contacts`).query(true).reply(200, [{ id: 1, group: 'Newsletter' }]);
		const { ctx, requests } = omniContext({
			resource: 'contact',
			operation: 'getAll',
			returnAll: true,
			filters: { modifiedSince: '2026-01-02T03:04:05Z', type: 'Customer', email: "o'brien@x.com" },
			subscriptionSource: 'group',
			subscriptionOptions: { subscribedValue: 'newsletter' },
		});
		const [out] = await router.call(ctx);
		expect(requests[0].qs).toMatchObject({
			where: "modifieddate>='2026-01-02T03:04:05Z' AND type='Customer' AND email='o''brien@x.com'",
			order: 'modifieddate ASC',
			rows: 250,
		});
		expect(out[0].json.acceptsEmail).toBe(true);
	});

	it('finds contacts by email', async () => {
		nock(BASE).get(`${API}/Contacts`).query((q) => q.where === "email='a@x.com'").reply(200, [{ id: 7, email: 'a@x.com' }]);
		const { ctx } = omniContext({ resource: 'contact', operation: 'findByEmail', email: ' a@x.com ', subscriptionSource: 'none' });
		const [out] = await router.call(ctx);
		expect(out).toHaveLength(1);
		expect(out[0].json).not.toHaveProperty('acceptsEmail');
	});

	it('creates contacts in one array and maps ids back', async () => {
		nock(BASE)
			.post(`${API}/Contacts`)
			.reply(200, [
				{ index: 0, success: true, id: 100, errors: [] },
				{ Index: 1, Success: true, Id: 101, Errors: [] },
			]);
		const { ctx, requests } = omniContext(
			[
				{ resource: 'contact', operation: 'create', type: 'Customer', email: 'a@x.com', additionalFields: { firstName: 'Ann', lastName: '' } },
				{ resource: 'contact', operation: 'create', type: 'Supplier', email: 'b@x.com', additionalFields: {} },
			],
			{ items: items(2) },
		);
		const [out] = await router.call(ctx);
		expect(bodyOf(requests[0])).toEqual([
			{ firstName: 'Ann', type: 'Customer', email: 'a@x.com' },
			{ type: 'Supplier', email: 'b@x.com' },
		]);
		expect(out.map((o) => o.json.id)).toEqual([100, 101]);
		expect(out.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('updates without sending empty strings, and writes an unsubscribe through the consent source', async () => {
		nock(BASE).put(`${API}/Contacts`).reply(200, [{ index: 0, success: true, id: 5 }]);
		const { ctx, requests } = omniContext({
			resource: 'contact',
			operation: 'update',
			contactId: 5,
			subscriptionSource: 'customField',
			subscriptionOptions: { customFieldName: 'members_1000' },
			updateFields: {
				firstName: 'Bo',
				lastName: '',
				phone: '  ',
				customFields: { field: [{ name: 'members_1001', value: '' }, { name: 'members_1002', value: 'VIP' }] },
				emailSubscription: 'unsubscribed',
			},
		});
		await router.call(ctx);
		const body = bodyOf(requests[0]);
		expect(body).toEqual([{ id: 5, firstName: 'Bo', customFields: { members_1002: 'VIP', members_1000: 'No' } }]);
		expect(JSON.stringify(body)).not.toContain('""');
	});

	it('refuses an update with nothing to update', async () => {
		const { ctx } = omniContext({ resource: 'contact', operation: 'update', contactId: 5, updateFields: { lastName: '' } });
		await expect(router.call(ctx)).rejects.toThrow(/Update Fields has nothing to update/);
	});

	it('upserts by email: updates the existing contact, creates the new one, follows duplicates', async () => {
		nock(BASE)
			.get(`${API}/Contacts`)
			.query((q) => q.where === "email IN ('old@x.com','new@x.com')")
			.reply(200, [{ id: 9, email: 'OLD@x.com' }]);
		nock(BASE).put(`${API}/Contacts`, (b) => b.length === 1 && b[0].id === 9 && !('type' in b[0])).reply(200, [{ index: 0, success: true, id: 9 }]);
		nock(BASE).post(`${API}/Contacts`, (b) => b.length === 1 && b[0].email === 'new@x.com').reply(200, [{ index: 0, success: true, id: 10 }]);
		const base = { resource: 'contact', operation: 'upsert', type: 'Customer', additionalFields: {} };
		const { ctx } = omniContext(
			[
				{ ...base, email: 'old@x.com' },
				{ ...base, email: 'new@x.com' },
				{ ...base, email: 'NEW@x.com' },
			],
			{ items: items(3) },
		);
		const [out] = await router.call(ctx);
		expect(out.map((o) => [o.json.id, o.json.operation])).toEqual([
			[9, 'updated'],
			[10, 'created'],
			[10, 'created'],
		]);
		expect(out[2].json.duplicateOfItem).toBe(1);
		expect(nock.isDone()).toBe(true);
	});
});

describe('email consent helpers', () => {
	const cf = { source: 'customField' as const, customFieldName: 'receive_email' };
	it.each([
		[{ customFields: { receive_email: 'Yes' } }, true],
		[{ customFields: { RECEIVE_EMAIL: true } }, true],
		[{ customFields: { receive_email: '0' } }, false],
		[{ customFields: { receive_email: '' } }, null],
		[{ customFields: { receive_email: 'maybe' } }, null],
		[{}, null],
	])('custom field %j → %s', (contact, expected) => {
		expect(acceptsEmail(contact, cf)).toBe(expected);
	});

	it('reads group and stage values, unknown otherwise', () => {
		const group = { source: 'group' as const, subscribedValue: 'Newsletter', unsubscribedValue: 'No Mail' };
		expect(acceptsEmail({ group: 'newsletter' }, group)).toBe(true);
		expect(acceptsEmail({ group: 'No Mail' }, group)).toBe(false);
		expect(acceptsEmail({ group: 'Retail' }, group)).toBeNull();
		const stage = { source: 'stage' as const, subscribedValue: 'Opted In' };
		expect(acceptsEmail({ stages: 'Lead, Opted In' }, stage)).toBe(true);
		expect(acceptsEmail({ stages: 'Lead' }, { source: 'none' })).toBeNull();
	});

	it('writes the inverse', () => {
		expect(unsubscribePatch(cf)).toEqual({ customFields: { receive_email: 'No' } });
		expect(subscriptionPatch({ ...cf, subscribedValue: 'Y' }, true)).toEqual({ customFields: { receive_email: 'Y' } });
		expect(unsubscribePatch({ source: 'group', unsubscribedValue: 'No Mail' })).toEqual({ group: 'No Mail' });
		expect(() => unsubscribePatch({ source: 'stage' })).toThrow(/Unsubscribed Value/);
		expect(() => unsubscribePatch({ source: 'none' })).toThrow();
	});
});
