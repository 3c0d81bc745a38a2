import type { IDataObject } from 'n8n-workflow';

import {
	consentOf,
	marketingContact,
	pickDefaultContact,
	SKIP_NO_CONTACT,
	SKIP_NO_EMAIL,
	withMarketingContact,
} from '../../../nodes/Cin7Core/helpers/marketingContact';
import { core } from './fixture';

const { api, path, poll, run } = core;

const customer = (contacts: IDataObject[], extra: IDataObject = {}): IDataObject => ({
	ID: 'c1',
	Name: 'Acme Pty Ltd',
	Contacts: contacts,
	Addresses: [
		{ ID: 'a0', Line1: '9 Ship Lane', City: 'Perth', State: 'WA', Postcode: '6000', Country: 'Australia', Type: 'Shipping', DefaultForType: true },
		{ ID: 'a1', Line1: 'PO Box 1', Line2: '', City: 'Sydney', State: 'NSW', Postcode: '2000', Country: 'Australia', Type: 'Billing', DefaultForType: false },
		{ ID: 'a2', Line1: '1 George St', Line2: 'Level 2', City: 'Sydney', State: 'NSW', Postcode: '2001', Country: 'Australia', Type: 'Billing', DefaultForType: true },
	],
	...extra,
});

const first = { ID: 'k1', Name: 'Bob Buyer', Email: 'bob@acme.test', Default: false, MarketingConsent: 2, IncludeInEmail: true };
const def = { ID: 'k2', Name: 'Ann Mary Lee', Email: ' ann@acme.test ', Phone: '02 9000 0001', MobilePhone: '0400 000 001', Default: true };

describe('Cin7 Core marketing contact', () => {
	it('picks the contact marked Default, not the first', () => {
		const mc = marketingContact(customer([first, { ...def, MarketingConsent: 2 }]));
		expect(mc).toEqual({
			customerId: 'c1',
			customerName: 'Acme Pty Ltd',
			contactId: 'k2',
			pickedBy: 'default',
			email: 'ann@acme.test',
			firstName: 'Ann',
			lastName: 'Mary Lee',
			name: 'Ann Mary Lee',
			phone: '02 9000 0001',
			mobile: '0400 000 001',
			marketingConsent: 2,
			consent: 'optIn',
			acceptsEmail: true,
			billingAddress1: '1 George St',
			billingAddress2: 'Level 2',
			billingCity: 'Sydney',
			billingState: 'NSW',
			billingPostcode: '2001',
			billingCountry: 'Australia',
		});
	});

	it('falls back to the first contact only when none is marked Default, and says so', () => {
		const mc = marketingContact(customer([{ ...first, Default: false }, { ...def, Default: false }]));
		expect(mc).toMatchObject({ contactId: 'k1', pickedBy: 'first', email: 'bob@acme.test', consent: 'optIn' });
		expect(mc.note).toMatch(/No contact is marked Default/);
		expect(pickDefaultContact([{ ID: 'x', Default: 'true' }, { ID: 'y' }]).contact?.ID).toBe('x');
	});

	it.each([
		[2, 'optIn', true],
		['2', 'optIn', true],
		[3, 'optOut', false],
		[1, 'unknown', null],
		[undefined, 'unknown', null],
		[null, 'unknown', null],
		['', 'unknown', null],
		[7, 'unknown', null],
		['yes', 'unknown', null],
	])('MarketingConsent %p is %s (acceptsEmail %p)', (value, consent, accepts) => {
		expect(consentOf(value)).toMatchObject({ consent, acceptsEmail: accepts });
		const mc = marketingContact(customer([{ ...def, MarketingConsent: value }]));
		expect(mc).toMatchObject({ consent, acceptsEmail: accepts });
	});

	it('never reads IncludeInEmail as consent, and never borrows consent from another contact', () => {
		const mc = marketingContact(customer([first, { ...def, IncludeInEmail: true }]));
		expect(mc).toMatchObject({ contactId: 'k2', consent: 'unknown', acceptsEmail: null, marketingConsent: null });
		const out = marketingContact(customer([first, { ...def, MarketingConsent: 3, IncludeInEmail: true }]));
		expect(out).toMatchObject({ consent: 'optOut', acceptsEmail: false });
	});

	it('skips a default contact without an email instead of guessing one from another contact', () => {
		const mc = marketingContact(customer([first, { ...def, Email: '', MarketingConsent: 2 }]));
		expect(mc).toMatchObject({ contactId: 'k2', email: null, skipReason: SKIP_NO_EMAIL, consent: 'optIn' });
		expect(mc.invalidEmail).toBeUndefined();
		expect(marketingContact(customer([{ ...def, Email: undefined }])).skipReason).toBe(SKIP_NO_EMAIL);
	});

	it('treats a malformed email as no email, keeping what was stored for the report', () => {
		for (const bad of ['ann.acme.test', 'ann@', 'ann @acme.test', 'ann@acme']) {
			const mc = marketingContact(customer([{ ...def, Email: bad }]));
			expect(mc).toMatchObject({ email: null, skipReason: SKIP_NO_EMAIL, invalidEmail: bad });
		}
	});

	it('reports a customer without contacts', () => {
		const mc = marketingContact(customer([]));
		expect(mc).toMatchObject({ contactId: null, pickedBy: null, email: null, skipReason: SKIP_NO_CONTACT, consent: 'unknown' });
		expect(marketingContact({ ID: 'c9' })).toMatchObject({ skipReason: SKIP_NO_CONTACT, billingAddress1: null });
	});

	it('uses the default billing address, else any billing address, never the shipping one', () => {
		const noDefault = customer([def], {
			Addresses: [
				{ Line1: '9 Ship Lane', Type: 'Shipping', DefaultForType: true },
				{ Line1: 'PO Box 1', State: 'NSW', Postcode: '2000', Country: 'Australia', Type: 'Billing' },
			],
		});
		expect(marketingContact(noDefault)).toMatchObject({ billingAddress1: 'PO Box 1', billingPostcode: '2000' });
		const shippingOnly = customer([def], { Addresses: [{ Line1: '9 Ship Lane', Type: 'Shipping', DefaultForType: true }] });
		expect(marketingContact(shippingOnly)).toMatchObject({ billingAddress1: null, billingCountry: null });
	});

	it('keeps the customer as it is and adds marketingContact beside it', () => {
		const c = customer([def]);
		const out = withMarketingContact(c);
		expect(out).toEqual({ ...c, marketingContact: marketingContact(c) });
		expect(c).not.toHaveProperty('marketingContact');
	});
});

describe('Cin7 Core node outputs marketingContact', () => {
	core.useTestEnv();

	const acme = customer([first, { ...def, MarketingConsent: 3 }], { LastModifiedOn: '2026-02-10T08:00:00' });

	it('on customer get many', async () => {
		api()
			.get(path('/customer'))
			.query({ Page: 1, Limit: 1000 })
			.reply(200, { Total: 1, Page: 1, CustomerList: [acme] });
		const { json } = await run({ resource: 'customer', operation: 'getAll', returnAll: true, filters: {} });
		expect(json).toEqual([{ ...acme, marketingContact: marketingContact(acme) }]);
		expect(json[0].marketingContact).toMatchObject({ contactId: 'k2', consent: 'optOut', acceptsEmail: false });
	});

	it('on the Customer Updated trigger event', async () => {
		const staticData: IDataObject = {};
		api()
			.get(path('/customer'))
			.query({ ModifiedSince: '2026-01-31T23:55:00', IncludeDeprecated: 'true', Page: 1, Limit: 1000 })
			.reply(200, { Total: 1, Page: 1, CustomerList: [acme] });
		const out = await poll(
			{ event: 'customerUpdated', maxPerPoll: 100, overlapMinutes: 5, startDate: '2026-02-01T00:00:00Z' },
			{ staticData },
		);
		expect(out.json).toEqual([{ ...acme, marketingContact: marketingContact(acme) }]);
	});
});
