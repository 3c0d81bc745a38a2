/**
 * workflows/cin7-core-b2b-customers-to-shopify-sparklayer.json: every B2B Cin7 Core customer (tag
 * from "B2B settings", not deprecated) is one Shopify customer found by its default contact's email,
 * computed here from the sandbox's Cin7 Core data and the template's settings (sparklayer-common.ts):
 * names, E.164 phone, tax exempt from the tax rules, tags merged (`b2b`, `b2b-<group>`, the
 * customer's own tags kept), the default billing address as default address (addresses the
 * customer added kept), metafields price_lists / credit_limit / on_hold / company_name /
 * discount_percentage, an account invite for new customers only; the group tags are ensured as
 * SparkLayer groups. Between the runs one customer loses its b2b tag in Cin7: the second run removes
 * `b2b` and its group tags in Shopify and keeps everything else; nothing else is rewritten.
 */
import { nodeOutput, type Json } from '../harness/n8n';
import {
	billingAddress, blank, customerListSlug, defaultContact, diff, e164, emailOf, lc, metafield, setLiterals, shopifyByEmail, slugOf, tagsOf, tierSlug,
} from './sparklayer-common';
import type { CheckContext, TemplateCheck } from './types';

const SETTINGS = 'B2B settings';

interface Expected {
	email: string;
	fields: Json;
	tags: string[];
	address: Json;
	metafields: Json;
	priceListChoices: string[];
}

function expectations(ctx: CheckContext, core: Json, shopify: Json, sparklayer: Json): { b2b: Map<string, Expected>; notB2b: Set<string>; noEmail: string[] } {
	const s = setLiterals(ctx.workflow, SETTINGS);
	const b2bTag = lc(s.b2bTag);
	const groups = (sparklayer.customerGroups as Json[]).filter((g) => g.slug !== 'base');
	const managed = new Set(['b2b', ...groups.map((g) => `b2b-${g.slug}`)]);
	const before: Map<string, Json> = new Map(Object.entries(ctx.memo.shopifyBefore as Json));
	const exempt = String(s.taxExemptRules).split(',').map(lc).filter(Boolean);
	const lists = new Set((sparklayer.priceLists as Json[]).map((p) => p.slug));
	const b2b = new Map<string, Expected>();
	const notB2b = new Set<string>();
	const noEmail: string[] = [];
	for (const c of core.customers as Json[]) {
		const email = emailOf(c);
		const isB2b = tagsOf(c).includes(b2bTag) && c.Status !== 'Deprecated';
		if (!email) {
			if (isB2b) noEmail.push(c.ID);
			continue;
		}
		if (!isB2b) {
			notB2b.add(lc(email));
			continue;
		}
		const contact = defaultContact(c)!;
		const [first, ...rest] = String(contact.Name ?? '').trim().split(/\s+/);
		const addr = billingAddress(c) ?? {};
		const country = s.countryCodes[String(addr.Country ?? '').trim()] ?? '';
		const phone = e164(contact.Phone, country, s.dialCodes);
		const groupSlugs = groups.filter((g) => tagsOf(c).some((t) => t === lc(g.name) || t === g.slug)).map((g) => g.slug).sort();
		const own = ((before.get(lc(email))?.tags ?? []) as string[]).filter((t) => !managed.has(lc(t)));
		const tags = [...new Set([...own, 'b2b', ...groupSlugs.map((g) => `b2b-${g}`)])].sort((a, b) => lc(a).localeCompare(lc(b)));
		const currency = String(c.Currency || s.baseCurrency).toUpperCase();
		const tier = tierSlug(core, c.PriceTier) + (tierSlug(core, c.PriceTier) && currency !== String(s.baseCurrency).toUpperCase() ? `-${currency.toLowerCase()}` : '');
		b2b.set(lc(email), {
			email,
			fields: { firstName: first || '', lastName: rest.join(' '), phone, taxExempt: exempt.includes(lc(c.TaxRule)) },
			tags,
			address: {
				firstName: first || '', lastName: rest.join(' '), company: c.Name, address1: addr.Line1, address2: addr.Line2,
				city: addr.City, provinceCode: addr.State, zip: addr.Postcode, countryCode: country, phone,
			},
			metafields: {
				credit_limit: String(Number(c.CreditLimit ?? 0)),
				on_hold: String(c.IsOnCreditHold === true),
				company_name: c.Name,
				discount_percentage: String(Number(c.Discount ?? 0)),
			},
			// the customer's own list only once the pricing template has made it (both templates run in one batch)
			priceListChoices: [tier, ...(lists.has(customerListSlug(c)) ? [`${customerListSlug(c)},${tier}`] : [])],
		});
	}
	return { b2b, notB2b, noEmail };
}

async function assertState(ctx: CheckContext): Promise<Json> {
	const [core, shopify, sparklayer] = await Promise.all(['cin7core', 'shopify', 'sparklayer'].map((k) => ctx.sandbox.getState(k)));
	const { b2b, notB2b } = expectations(ctx, core, shopify, sparklayer);
	const by = shopifyByEmail(shopify);
	const before: Json = ctx.memo.shopifyBefore;
	const problems: string[] = [];
	for (const [email, e] of b2b) {
		const c = by.get(email);
		if (!c) { problems.push(`${email}: not in Shopify`); continue; }
		diff(e.fields, c, email, problems);
		if (JSON.stringify(c.tags) !== JSON.stringify(e.tags)) problems.push(`${email}.tags: expected ${JSON.stringify(e.tags)}, got ${JSON.stringify(c.tags)}`);
		diff(e.address, c.defaultAddress ?? {}, `${email}.defaultAddress`, problems);
		for (const [k, v] of Object.entries(e.metafields)) if (blank(metafield(c, k)?.value) !== v) problems.push(`${email}.metafield ${k}: expected ${v}, got ${metafield(c, k)?.value}`);
		if (!e.priceListChoices.includes(blank(metafield(c, 'price_lists')?.value))) problems.push(`${email}.metafield price_lists: expected one of ${e.priceListChoices}, got ${metafield(c, 'price_lists')?.value}`);
		// addresses the customer added in Shopify are kept
		for (const a of (before[email]?.addresses ?? []) as Json[]) {
			if (!(c.addresses as Json[]).some((x) => x.id === a.id && x.address1 === a.address1)) problems.push(`${email}: its own address ${a.address1} was removed`);
		}
		// other apps' metafields are kept
		for (const m of (before[email]?.metafields ?? []) as Json[]) {
			if (!(c.metafields as Json[]).some((x) => x.namespace === m.namespace && x.key === m.key && x.value === m.value)) problems.push(`${email}: metafield ${m.namespace}.${m.key} was changed`);
		}
	}
	// customers that are not B2B were not created in Shopify
	for (const email of notB2b) if (!before[email] && by.has(email)) problems.push(`${email}: not B2B in Cin7 but created in Shopify`);
	expect(problems).toEqual([]);
	return { core, shopify, sparklayer, b2b };
}

export const check: TemplateCheck = {
	async prepare(ctx) {
		const [core, shopify] = await Promise.all([ctx.sandbox.getState('cin7core'), ctx.sandbox.getState('shopify')]);
		const inShopify = new Set((shopify.customers as Json[]).map((c) => lc(c.email)));
		const active = (core.customers as Json[]).filter((c) => c.Status === 'Active' && emailOf(c));
		const existing = active.filter((c) => inShopify.has(lc(emailOf(c))));
		const fresh = active.filter((c) => !inShopify.has(lc(emailOf(c))) && c.Name && !tagsOf(c).includes('b2b'));
		const nz = fresh.find((c) => billingAddress(c)?.Country === 'New Zealand')!;
		const [a, e] = [existing[0], existing.find((c) => (shopify.customers as Json[]).find((s) => lc(s.email) === lc(emailOf(c)))?.state === 'ENABLED')!];
		const [b, c] = fresh.filter((x) => x !== nz);
		const noEmail = (core.customers as Json[]).find((x) => x.Status === 'Active' && !emailOf(x))!;
		const deprecated = (core.customers as Json[]).find((x) => x.Status === 'Deprecated' && emailOf(x))!;
		const patches: Array<[Json, Json]> = [
			[a, { Tags: 'b2b, VIP' }],
			[b, { Tags: 'wholesale,b2b' }],
			[c, { Tags: 'retail, B2B, trade', TaxRule: 'GST Free Income', CreditLimit: 2500, IsOnCreditHold: true, Discount: 12.5, PriceTier: 'Distributor' }],
			[nz, { Tags: 'b2b, Gold' }],
			[e, { Tags: 'b2b, Trade' }],
			[noEmail, { Tags: 'b2b' }],
			[deprecated, { Tags: 'b2b' }],
		];
		for (const [cust, patch] of patches) await ctx.sandbox.mutate('cin7core', { entity: 'customer', id: cust.ID, patch });
		ctx.memo.shopifyBefore = Object.fromEntries((shopify.customers as Json[]).map((x) => [lc(x.email), x]));
		ctx.memo.ids = { a: a.ID, b: b.ID, c: c.ID, nz: nz.ID, e: e.ID, noEmail: noEmail.ID, deprecated: deprecated.ID };
		ctx.memo.emails = { a: lc(emailOf(a)), b: lc(emailOf(b)), c: lc(emailOf(c)), nz: lc(emailOf(nz)), e: lc(emailOf(e)), deprecated: lc(emailOf(deprecated)) };
	},

	async afterFirstRun(ctx, run) {
		expect(run.error).toBeNull();
		const { shopify, sparklayer, b2b } = await assertState(ctx);
		const m = ctx.memo.emails;
		expect([...b2b.keys()].sort()).toEqual([m.a, m.b, m.c, m.nz, m.e].sort());
		const by = shopifyByEmail(shopify);
		// the settings' group tags exist in SparkLayer (Gold was created), slugs as the template makes them
		const s = setLiterals(ctx.workflow, SETTINGS);
		const slugs = (sparklayer.customerGroups as Json[]).map((g) => g.slug);
		for (const g of String(s.groupTags).split(',').map((x) => x.trim()).filter(Boolean)) expect(slugs).toContain(slugOf(g));
		// the rules bite in this data: tag merge, tax exempt, group tags, a second address, NZ dialling code
		expect(by.get(m.a)!.tags).toEqual(expect.arrayContaining(['b2b', 'b2b-vip', 'newsletter']));
		expect(by.get(m.a)!.addresses.length).toBe(2);
		expect(by.get(m.c)!.taxExempt).toBe(true);
		expect(by.get(m.c)!.tags).toEqual(expect.arrayContaining(['b2b', 'b2b-trade']));
		expect(by.get(m.nz)!.tags).toEqual(expect.arrayContaining(['b2b', 'b2b-gold']));
		expect(by.get(m.nz)!.phone).toMatch(/^\+64/);
		expect(metafield(by.get(m.nz)!, 'price_lists')!.value).toMatch(/^(cin7-c-\w+,)?cin7-tier-\d+-nzd$/);
		// invites: exactly the customers this run created, once each
		const created = [m.b, m.c, m.nz];
		expect((shopify.invites as Json[]).map((i) => lc(i.to)).sort()).toEqual(created.sort());
		for (const email of created) expect(by.get(email)!.state).toBe('INVITED');
		expect(by.get(m.a)!.state).toBe(ctx.memo.shopifyBefore[m.a].state);
		// a deprecated customer is not synced; a B2B customer without email is reported with its reason
		expect(by.has(m.deprecated) && by.get(m.deprecated)!.tags.includes('b2b')).toBe(false);
		const skipped = nodeOutput(run.runData, 'Skipped: no email');
		expect(skipped.map((x) => x.customerId)).toContain(ctx.memo.ids.noEmail);
		expect(skipped.find((x) => x.customerId === ctx.memo.ids.noEmail)!.reason).toBeTruthy();
		expect(nodeOutput(run.runData, 'Not written')).toEqual([]);
		expect(nodeOutput(run.runData, 'Synced')).toHaveLength(5);
		ctx.memo.afterFirst = Object.fromEntries((shopify.customers as Json[]).map((x) => [lc(x.email), x]));
	},

	async betweenRuns(ctx) {
		// the tag is removed in Cin7 Core: B2B access is revoked in Shopify on the next run
		await ctx.sandbox.mutate('cin7core', { entity: 'customer', id: ctx.memo.ids.e, patch: { Tags: 'Trade' } });
	},

	async afterSecondRun(ctx, run) {
		expect(run.error).toBeNull();
		const { shopify } = await assertState(ctx);
		const by = shopifyByEmail(shopify);
		const m = ctx.memo.emails;
		const revoked = by.get(m.e)!;
		const own = (ctx.memo.shopifyBefore[m.e].tags as string[]);
		expect(revoked.tags).toEqual(own);
		expect(revoked.state).toBe(ctx.memo.shopifyBefore[m.e].state);
		expect(nodeOutput(run.runData, 'Revoked')).toHaveLength(1);
		// nothing else rewritten: the other customers are exactly as after the first run, no new invite
		for (const email of [m.a, m.b, m.c, m.nz]) expect(by.get(email)).toEqual(ctx.memo.afterFirst[email]);
		expect((shopify.invites as Json[]).length).toBe(3);
	},
};
