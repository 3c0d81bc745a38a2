/**
 * Round trip between Cin7 and Dotdigital through the shipped templates, in a real n8n against the
 * sandbox: a customer opts in in Cin7 → contacts template → YES and "Cin7 subscribers" in
 * Dotdigital → the contact unsubscribes in Dotdigital → unsubscribes template → opted out in Cin7
 * (Core MarketingConsent 3 on the default contact only / Omni receive_email "No") → contacts
 * template again → NO and out of "Cin7 subscribers". The generic two-run harness
 * (templates.test.ts) cannot express the four steps, so this file drives them one by one.
 */
import { createN8n, nodeOutput, startSandbox, T, template, type Json, type N8n, type Sandbox } from './harness/n8n';
import { EMAIL, states } from './checks/contacts-common';

const CORE_CONTACTS = template('cin7-core-contacts-to-dotdigital.json');
const CORE_UNSUBS = template('cin7-core-unsubscribes-from-dotdigital.json');
const OMNI_CONTACTS = template('cin7-omni-contacts-to-dotdigital.json');
const OMNI_UNSUBS = template('cin7-omni-unsubscribes-from-dotdigital.json');

const lc = (s: unknown) => String(s ?? '').trim().toLowerCase();
const def = (c: Json) => c.Contacts.find((k: Json) => k.Default === true) ?? c.Contacts[0];

describe('Cin7 ↔ Dotdigital contacts round trip (real n8n, sandbox)', () => {
	let sandbox: Sandbox;
	let n8n: N8n;

	beforeAll(async () => {
		sandbox = await startSandbox();
		n8n = await createN8n('dd-contacts', sandbox);
		await n8n.importTemplates([CORE_CONTACTS, CORE_UNSUBS, OMNI_CONTACTS, OMNI_UNSUBS]);
	}, T.setup);

	afterAll(async () => {
		await n8n?.cleanup();
		await sandbox?.close();
	}, T.run);

	async function run(t: Json) {
		const r = await n8n.execute(t.workflow.id);
		expect({ status: r.status, error: r.error }).toEqual({ status: 'success', error: null });
		return r;
	}

	async function ddContact(email: string): Promise<Json> {
		const dd = await sandbox.getState('dotdigital');
		const lists = new Map((dd.addressBooks as Json[]).map((b) => [b.name, b.id]));
		const c = (dd.contacts as Json[]).filter((x) => lc(x.email) === lc(email));
		expect(c).toHaveLength(1);
		return { ...c[0], inCustomers: c[0].lists.includes(lists.get('Cin7 customers')), inSubscribers: c[0].lists.includes(lists.get('Cin7 subscribers')) };
	}

	test('Cin7 Core: opt in → YES → unsubscribe in Dotdigital → MarketingConsent 3 → NO', async () => {
		const { core, dd } = await states(sandbox);
		const known = new Set((dd.contacts as Json[]).map((c) => lc(c.email)));
		// Unknown consent, Default not the first contact, several contacts, not yet in Dotdigital.
		const customer = (core.customers as Json[]).find(
			(c) => c.Status === 'Active' && c.Contacts.length > 1 && !c.Contacts[0].Default && EMAIL.test(def(c).Email) && def(c).MarketingConsent === 1 && !known.has(lc(def(c).Email)),
		)!;
		expect(customer).toBeDefined();
		const email = def(customer).Email;
		const others = customer.Contacts.filter((k: Json) => k.ID !== def(customer).ID);

		await sandbox.mutate('cin7core', { entity: 'customer', id: customer.ID, patch: { Contacts: [{ ID: def(customer).ID, MarketingConsent: 2 }] } });
		await run(CORE_CONTACTS);
		let c = await ddContact(email);
		expect(c).toMatchObject({ status: 'Subscribed', inCustomers: true, inSubscribers: true });
		expect(c.dataFields).toMatchObject({ NEWSLETTER_SUB: 'YES', CUSTOMER_ID: customer.ID, COMPANY: customer.Name });

		await sandbox.mutate('dotdigital', { email, action: 'unsubscribe' });
		const unsub = await run(CORE_UNSUBS);
		expect(nodeOutput(unsub.runData, 'Opt out in Cin7 Core').map((x) => x.ID)).toContain(customer.ID);
		const after = ((await sandbox.getState('cin7core')).customers as Json[]).find((x) => x.ID === customer.ID)!;
		expect(def(after)).toMatchObject({ ID: def(customer).ID, Email: email, MarketingConsent: 3 });
		// The other contacts are exactly as they were (merged by ID, never wiped).
		expect(after.Contacts.filter((k: Json) => k.ID !== def(customer).ID)).toEqual(others);

		await run(CORE_CONTACTS);
		c = await ddContact(email);
		expect(c).toMatchObject({ status: 'Unsubscribed', inCustomers: true, inSubscribers: false });
		expect(c.dataFields.NEWSLETTER_SUB).toBe('NO');

		// Running the unsubscribes again writes nothing: the customer is already opted out.
		const again = await run(CORE_UNSUBS);
		expect(nodeOutput(again.runData, 'Opt out in Cin7 Core')).toEqual([]);
		expect(nodeOutput(again.runData, 'Already opted out').map((x) => x.customerId)).toContain(customer.ID);
	}, T.setup);

	test('Cin7 Omni: receive_email on → YES → unsubscribe in Dotdigital → receive_email "No" → NO', async () => {
		const { omni, dd } = await states(sandbox);
		const known = new Set((dd.contacts as Json[]).map((c) => lc(c.email)));
		const contact = (omni.contacts as Json[]).find(
			(c) => c.type === 'Customer' && EMAIL.test(c.email) && c.customFields?.receive_email === false && !known.has(lc(c.email)),
		)!;
		expect(contact).toBeDefined();
		await sandbox.mutate('cin7omni', { entity: 'contact', id: contact.id, patch: { customFields: { receive_email: true } } });
		await run(OMNI_CONTACTS);
		let c = await ddContact(contact.email);
		expect(c).toMatchObject({ inCustomers: true, inSubscribers: true });
		expect(c.dataFields).toMatchObject({ NEWSLETTER_SUB: 'YES', CUSTOMER_ID: String(contact.id) });

		await sandbox.mutate('dotdigital', { email: contact.email, action: 'unsubscribe' });
		await run(OMNI_UNSUBS);
		const after = ((await sandbox.getState('cin7omni')).contacts as Json[]).find((x) => x.id === contact.id)!;
		expect(after.customFields.receive_email).toBe('No');

		await run(OMNI_CONTACTS);
		c = await ddContact(contact.email);
		expect(c).toMatchObject({ inCustomers: true, inSubscribers: false });
		expect(c.dataFields.NEWSLETTER_SUB).toBe('NO');
	}, T.setup);

	test('a bad record fails alone: no email and a malformed date are reported, the rest sync', async () => {
		const { core } = await states(sandbox);
		const active = (core.customers as Json[]).filter((c) => c.Status === 'Active' && EMAIL.test(def(c).Email ?? ''));
		const [noEmail, badDate, good] = active.slice(-3);
		await sandbox.mutate('cin7core', { entity: 'customer', id: noEmail.ID, patch: { Contacts: [{ ID: def(noEmail).ID, Email: '' }] } });
		await sandbox.mutate('cin7core', { entity: 'customer', id: badDate.ID, patch: { AdditionalAttribute1: '31/31/1999' } });
		await sandbox.mutate('cin7core', { entity: 'customer', id: good.ID, patch: { AdditionalAttribute1: '1984-02-29', Name: `${good.Name} renamed` } });
		const r = await run(CORE_CONTACTS);
		expect(nodeOutput(r.runData, 'Skipped: no email').find((i) => i.customerId === noEmail.ID)).toMatchObject({ reason: 'default contact has no email' });
		const failed = nodeOutput(r.runData, 'Not written');
		expect(failed.map((i) => i.customerId)).toEqual([badDate.ID]);
		expect(failed[0].error).toMatch(/convert|date/i);
		const c = await ddContact(def(good).Email);
		expect(c.dataFields).toMatchObject({ DOB: '1984-02-29', COMPANY: `${good.Name} renamed` });
	}, T.setup);
});
