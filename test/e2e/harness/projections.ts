/**
 * What the templates of the new target systems (Emarsys, Order Desk, SparkLayer, Shopify B2B, JOOR)
 * and the Cin7 Core records they create leave in the sandbox, reduced to comparable facts, to compare
 * a run under injected faults with a fault-free run of the same templates on the same seeded data
 * (test/e2e/faults-targets.test.ts; docs/architecture.md, "Tests").
 *
 * Identity is the vendor's natural key, never an id the sandbox generates: two runs that write the
 * same things produce the same keys. Facts leave out generated ids and timestamps. Each identity
 * seen more than once is a duplicate. Log collections (registry `logCollections`: Emarsys sales-data
 * uploads, JOOR bulk jobs) are submissions, not records: what they imply is projected instead — a
 * sales-data line submitted twice is a duplicate line.
 */
import type { Json } from './n8n';

const lc = (s: unknown) => String(s ?? '').trim().toLowerCase();

export interface Projection {
	/** `<system>:<natural key>` → JSON of the record's comparable fields. */
	facts: Map<string, string>;
	/** Key → the strings an error item may name the record by (email, SKU, code, reference). */
	names: Map<string, string[]>;
	duplicates: string[];
}

/**
 * Fields that a run generates rather than decides: ids the vendor assigns, timestamps, log sequence
 * numbers, digests. Dropped at any depth. A field the template writes from Cin7 data (a price, a
 * stock figure, a tag, a folder) is kept.
 */
const VOLATILE = new Set([
	'id', 'ID', 'uid', 'seq', 'upload', 'at', 'created', 'modified', 'createdAt', 'updatedAt', 'created_at', 'updated_at', 'modified_at',
	'date_added', 'date_updated', 'date_modified', 'date_shipped', 'date_exported', 'inventory_date', 'LastModifiedOn', 'CreatedDate', 'compareDigest',
	'order_id', 'contactId', 'style_id', 'product_id', 'SaleID', 'TaskID', 'CustomerID', 'SaleOrderNumber', 'InvoiceNumber', 'OrderNumber',
]);

function stable(v: unknown): unknown {
	if (Array.isArray(v)) return v.map(stable);
	if (v && typeof v === 'object') {
		return Object.fromEntries(
			Object.entries(v as Json)
				.filter(([k]) => !VOLATILE.has(k) && !k.startsWith('_'))
				.sort(([a], [b]) => a.localeCompare(b))
				.map(([k, x]) => [k, stable(x)]),
		);
	}
	return v;
}

/** Stable order for lists whose order the vendor does not define (shipments, metafields). */
const sorted = (list: unknown[]) => list.map(stable).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

class Builder {
	facts = new Map<string, string>();
	names = new Map<string, string[]>();
	private seen = new Map<string, { what: string; n: number }>();

	/** One record; a second record with the same key is a duplicate (the first one's facts stay). */
	add(what: string, key: string, fact: unknown, names: unknown[] = []): void {
		const s = this.seen.get(key);
		if (s) {
			s.n++;
			return;
		}
		this.seen.set(key, { what, n: 1 });
		this.facts.set(key, JSON.stringify(fact));
		this.names.set(key, [...new Set([key.slice(key.indexOf(':') + 1), ...names].map(lc).filter(Boolean))]);
	}

	/** Parts of one record (shipments of an order, metafields of a customer) counted by their own key. */
	countParts(what: string, owner: string, keys: string[]): void {
		const n = new Map<string, number>();
		for (const k of keys) n.set(k, (n.get(k) ?? 0) + 1);
		for (const [k, c] of n) if (c > 1) this.seen.set(`${owner}:${k}`, { what, n: c });
	}

	build(): Projection {
		const duplicates = [...this.seen].filter(([, s]) => s.n > 1).map(([k, s]) => `${s.what} "${k}" ×${s.n}`);
		return { facts: this.facts, names: this.names, duplicates };
	}
}

function emarsys(b: Builder, em: Json): void {
	const fieldName = new Map((em.fields as Json[]).map((f) => [String(f.id), f.name]));
	const listName = new Map((em.lists as Json[]).map((l) => [String(l.id), l.name]));
	for (const f of em.fields as Json[]) b.add('Emarsys field', `emarsys-field:${lc(f.name)}`, { type: f.application_type }, [f.name]);
	for (const l of em.lists as Json[]) b.add('Emarsys contact list', `emarsys-list:${lc(l.name)}`, { members: l.members }, [l.name]);
	const emailOf = new Map<string, string>();
	for (const c of em.contacts as Json[]) {
		const email = lc(c.email);
		emailOf.set(String(c.id), email);
		if (!email) continue; // a contact without email has no natural key; none of the templates writes one
		const fields = Object.fromEntries(Object.entries(c.fields ?? {}).map(([k, v]) => [fieldName.get(k) ?? k, v ?? '']).sort());
		const lists = (c.lists as unknown[]).map((id) => listName.get(String(id)) ?? String(id)).sort();
		b.add('Emarsys contact', `emarsys:${email}`, { fields, lists }, [email, c.fields?.[3]]);
	}
	// External events: one trigger per contact, event and payload (the payload names the order);
	// the same trigger twice is a duplicate.
	for (const t of em.eventTriggers as Json[]) {
		const who = emailOf.get(String(t.contactId)) || lc(t.externalId);
		const data = JSON.stringify(stable(t.data ?? {}));
		b.add('Emarsys external event', `emarsys-event:${t.eventName}:${who}:${data}`, { key: t.keyId }, [who, t.externalId, ...Object.values(t.data ?? {})]);
	}
	// Sales data (a log of uploads): each line is an order's item at an order version (timestamp);
	// the same line uploaded twice is a duplicate.
	for (const l of em.salesLines as Json[]) {
		b.add('Emarsys sales-data line', `emarsys-sales:${l.order}:${l.item}:${l.timestamp}`, stable(l), [l.order, l.item, l.email, l.customer]);
	}
}

function orderDesk(b: Builder, od: Json): void {
	for (const o of od.orders as Json[]) {
		const key = lc(o.source_id) || `od-id-${o.id}`;
		const shipments = (o.order_shipments as Json[]) ?? [];
		b.countParts('Order Desk shipment (order + tracking number)', `orderdesk-shipment:${key}`, shipments.map((sh) => lc(sh.tracking_number)));
		const { order_shipments: _s, order_notes: notes, ...rest } = o;
		b.add('Order Desk order', `orderdesk:${key}`, { ...(stable(rest) as Json), shipments: sorted(shipments), notes: (notes as Json[] | undefined)?.length ?? 0 }, [
			o.source_id,
			o.id,
			o.email,
			...shipments.map((sh) => sh.tracking_number),
		]);
	}
	for (const it of od.inventoryItems as Json[]) b.add('Order Desk inventory item', `orderdesk-inventory:${lc(it.code)}`, stable(it), [it.code, it.id]);
}

function sparkLayer(b: Builder, sl: Json): void {
	for (const p of sl.priceLists as Json[]) b.add('SparkLayer price list', `sparklayer-list:${lc(p.slug)}`, stable(p), [p.slug, p.name]);
	for (const g of sl.customerGroups as Json[]) b.add('SparkLayer customer group', `sparklayer-group:${lc(g.slug)}`, stable(g), [g.slug, g.name]);
	for (const r of sl.prices as Json[]) {
		b.add('SparkLayer price', `sparklayer-price:${lc(r.price_list_slug)}:${lc(r.sku)}`, stable(r), [r.sku, r.price_list_slug]);
	}
}

function shopify(b: Builder, sh: Json): void {
	for (const c of sh.customers as Json[]) {
		const email = lc(c.email);
		if (!email) continue;
		b.countParts('Shopify metafield (customer + namespace.key)', `shopify-metafield:${email}`, (c.metafields as Json[]).map((m) => `${m.namespace}.${m.key}`));
		b.countParts('Shopify address (customer + address)', `shopify-address:${email}`, (c.addresses as Json[]).map((a) => JSON.stringify(stable(a))));
		b.add(
			'Shopify customer',
			`shopify:${email}`,
			{ ...(stable({ ...c, metafields: undefined, addresses: undefined }) as Json), tags: [...(c.tags as string[])].sort(), metafields: sorted(c.metafields), addresses: sorted(c.addresses) },
			[email, c.id],
		);
	}
}

function joor(b: Builder, j: Json): void {
	for (const s of j.styles as Json[]) b.add('JOOR style', `joor-style:${lc(s.style_number)}`, stable(s), [s.style_number, s.style_identifier, s.id]);
	for (const c of j.connections as Json[]) b.add('JOOR customer', `joor-customer:${lc(c.customer_code)}`, stable(c), [c.customer_code, c.customer_name, c.email]);
	for (const i of j.inventory as Json[]) {
		const sku = lc(i.upc) || `${lc(i.style_number)}/${lc(i.color_code)}/${lc(i.size)}`;
		b.add('JOOR inventory row', `joor-inventory:${lc(i.warehouse)}:${sku}`, stable(i), [i.upc, i.style_number, i.warehouse]);
	}
	// JOOR's orders are seeded (their ids are JOOR's): the templates only change their export status.
	for (const o of j.orders as Json[]) b.add('JOOR order', `joor-order:${o.id}`, { export_status: o.export_status, status: o.status }, [o.id, o.po_number]);
}

/** The Cin7 Core records the templates create or change: customers by name, sales by reference. */
function cin7Core(b: Builder, core: Json): void {
	for (const c of core.customers as Json[]) {
		b.add('Cin7 Core customer', `cin7core-customer:${lc(c.Name)}`, stable(c), [c.Name, c.ID, ...((c.Contacts as Json[]) ?? []).map((k) => k.Email)]);
	}
	for (const s of core.sales as Json[]) {
		// A sale without a reference or external id is seeded data no template writes.
		const ref = [lc(s.ExternalID), lc(s.CustomerReference)].filter(Boolean).join('|');
		const key = ref ? `cin7core-sale:${ref}` : `cin7core-sale-seeded:${s.ID}`;
		const lines = ((s.Order?.Lines as Json[]) ?? []).map((l) => ({ SKU: l.SKU, Quantity: l.Quantity, Price: l.Price }));
		b.add('Cin7 Core sale', key, { Status: s.Status, Order: s.Order?.Status ?? null, Customer: s.Customer, lines }, [s.ExternalID, s.CustomerReference, s.ID]);
	}
}

/** The projection of a whole sandbox state (`sandbox.getState()`), of the systems it holds. */
export function projectTargets(state: Json): Projection {
	const b = new Builder();
	if (state.emarsys) emarsys(b, state.emarsys);
	if (state.orderdesk) orderDesk(b, state.orderdesk);
	if (state.sparklayer) sparkLayer(b, state.sparklayer);
	if (state.shopify) shopify(b, state.shopify);
	if (state.joor) joor(b, state.joor);
	if (state.cin7core) cin7Core(b, state.cin7core);
	return b.build();
}

/** Keys whose facts differ between two projections, with a readable line each. */
export function diffTargets(a: Projection, b: Projection): Array<{ key: string; line: string }> {
	const out = [];
	for (const key of new Set([...a.facts.keys(), ...b.facts.keys()])) {
		if (a.facts.get(key) !== b.facts.get(key)) out.push({ key, line: `${key}: expected ${a.facts.get(key) ?? '(absent)'}, got ${b.facts.get(key) ?? '(absent)'}` });
	}
	return out;
}
