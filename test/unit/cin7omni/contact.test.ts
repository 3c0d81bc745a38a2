import nock from 'nock';

import { acceptsEmail, subscriptionPatch } from '../../../nodes/Cin7Omni/helpers/subscription';
import { bodyOf, omni } from './fixture';

describe('Cin7 Omni contacts', () => {
	omni.useTestEnv();

	it('gets a contact and reports acceptsEmail from the default custom field', async () => {
		omni.api().get(omni.path('/Contacts/41')).reply(200, { id: 41, email: 'a@x.com', customFields: { Receive_Email: 'Yes' } });
		const { out } = await omni.run({ resource: 'contact', operation: 'get', contactId: '41' });
		expect(out[0].json).toMatchObject({ id: 41, acceptsEmail: true });
		expect(out[0].pairedItem).toEqual({ item: 0 });
	});

	it('rejects a bad contact ID naming the item and field', async () => {
		await expect(omni.run({ resource: 'contact', operation: 'get', contactId: 'abc' })).rejects.toThrow(/Item 0: Contact must be a positive whole number/);
	});

	it('gets many contacts with modified-since, type and email filters', async () => {
		omni.api().get(omni.path('/Contacts')).query(true).reply(200, [{ id: 1, group: 'Newsletter' }]);
		const { out, requests } = await omni.run({
			resource: 'contact',
			operation: 'getAll',
			returnAll: true,
			filters: { modifiedSince: '2026-01-02T03:04:05Z', type: 'Customer', email: "o'brien@x.com" },
			subscriptionSource: 'group',
			subscriptionOptions: { subscribedValue: 'newsletter' },
		});
		expect(requests[0].qs).toMatchObject({
			where: "modifieddate>='2026-01-02T03:04:05Z' AND type='Customer' AND email='o''brien@x.com'",
			order: 'modifieddate ASC',
			rows: 250,
		});
		expect(out[0].json.acceptsEmail).toBe(true);
	});

	it('finds contacts by email', async () => {
		omni.api().get(omni.path('/Contacts')).query((q) => q.where === "email='a@x.com'").reply(200, [{ id: 7, email: 'a@x.com' }]);
		const { out } = await omni.run({ resource: 'contact', operation: 'findByEmail', email: ' a@x.com ', subscriptionSource: 'none' });
		expect(out).toHaveLength(1);
		expect(out[0].json).not.toHaveProperty('acceptsEmail');
	});

	it('creates contacts in one array and maps ids back', async () => {
		omni.api()
			.post(omni.path('/Contacts'))
			.reply(200, [
				{ index: 0, success: true, id: 100, errors: [] },
				{ Index: 1, Success: true, Id: 101, Errors: [] },
			]);
		const { out, requests } = await omni.run(
			[
				{ resource: 'contact', operation: 'create', type: 'Customer', email: 'a@x.com', additionalFields: { firstName: 'Ann', lastName: '' } },
				{ resource: 'contact', operation: 'create', type: 'Supplier', email: 'b@x.com', additionalFields: {} },
			],
			{ items: omni.items(2) },
		);
		expect(bodyOf(requests[0])).toEqual([
			{ firstName: 'Ann', type: 'Customer', email: 'a@x.com' },
			{ type: 'Supplier', email: 'b@x.com' },
		]);
		expect(out.map((o) => o.json.id)).toEqual([100, 101]);
		expect(out.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('updates without sending empty strings, and writes an unsubscribe through the consent source', async () => {
		omni.api().put(omni.path('/Contacts')).reply(200, [{ index: 0, success: true, id: 5 }]);
		const { requests } = await omni.run({
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
		const body = bodyOf(requests[0]);
		expect(body).toEqual([{ id: 5, firstName: 'Bo', customFields: { members_1002: 'VIP', members_1000: 'No' } }]);
		expect(JSON.stringify(body)).not.toContain('""');
	});

	it('refuses an update with nothing to update', async () => {
		await expect(omni.run({ resource: 'contact', operation: 'update', contactId: 5, updateFields: { lastName: '' } })).rejects.toThrow(/Update Fields has nothing to update/);
	});

	it('upserts by email: updates the existing contact, creates the new one, follows duplicates', async () => {
		omni.api()
			.get(omni.path('/Contacts'))
			.query((q) => q.where === "email IN ('old@x.com','new@x.com')")
			.reply(200, [{ id: 9, email: 'OLD@x.com' }]);
		omni.api().put(omni.path('/Contacts'), (b) => b.length === 1 && b[0].id === 9 && !('type' in b[0])).reply(200, [{ index: 0, success: true, id: 9 }]);
		omni.api().post(omni.path('/Contacts'), (b) => b.length === 1 && b[0].email === 'new@x.com').reply(200, [{ index: 0, success: true, id: 10 }]);
		const base = { resource: 'contact', operation: 'upsert', type: 'Customer', additionalFields: {} };
		const { out } = await omni.run(
			[
				{ ...base, email: 'old@x.com' },
				{ ...base, email: 'new@x.com' },
				{ ...base, email: 'NEW@x.com' },
			],
			{ items: omni.items(3) },
		);
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
		expect(subscriptionPatch(cf, false)).toEqual({ customFields: { receive_email: 'No' } });
		expect(subscriptionPatch({ ...cf, subscribedValue: 'Y' }, true)).toEqual({ customFields: { receive_email: 'Y' } });
		expect(subscriptionPatch({ source: 'group', unsubscribedValue: 'No Mail' }, false)).toEqual({ group: 'No Mail' });
		expect(() => subscriptionPatch({ source: 'stage' }, false)).toThrow(/Unsubscribed Value/);
		expect(() => subscriptionPatch({ source: 'none' }, false)).toThrow();
	});
});
