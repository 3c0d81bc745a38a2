'use strict';
// Cin7 Core webhooks (reference/cin7-api.md §A11): the /webhooks endpoint (GET/POST/PUT/DELETE,
// 32 types, at most 5 per type, noauth | basicauth | bearerauth + ExternalHeaders) and delivery.
//
// Delivery: when the emulated data changes (through the API or /_sandbox/mutate), the documented
// payload of each event is POSTed to every active webhook of that type, with its authorization and
// headers. A delivery that does not get a 2xx is retried 6 times, 1, +5, +10, +15, +20 and +25
// minutes after the previous attempt (divided by the sandbox's time scale: 76 s in all at 60);
// when the 6th retry fails the webhook is deactivated (IsActive false) without notice, as Cin7
// does. The delivery log (`webhookDeliveries`) and the webhooks are part of
// /_sandbox/state?system=cin7core, with every password, token and header value masked.
//
// Change detection: `around(core, sandbox, run, hint)` runs an API call or a mutation and compares
// what it changed: sales (each stage, payments, tracking, voids, undos, attributes), stock rows
// (Available per product × location × bin × batch) and the customer or product it names. Nothing
// is captured while no webhook is active.

const { err, ci, publicAvail } = require('./cin7core-util');

const TYPES = [
	'Sale/Created', 'Sale/QuoteAuthorised', 'Sale/OrderAuthorised', 'Sale/Voided', 'Sale/Backordered',
	'Sale/ShipmentAuthorised', 'Sale/InvoiceAuthorised', 'Sale/PickAuthorised', 'Sale/PackAuthorised',
	'Sale/CreditNoteAuthorised', 'Sale/Undo', 'Sale/PartialPaymentReceived', 'Sale/FullPaymentReceived',
	'Sale/AttachmentAdded', 'Sale/AdditionalAttributesChanged', 'Sale/ShipmentTrackingNumberChanged',
	'Purchase/OrderAuthorised', 'Purchase/InvoiceAuthorised', 'Purchase/StockReceivedAuthorised',
	'Purchase/CreditNoteAuthorised', 'Purchase/Updated', 'Customer/Updated', 'Supplier/Updated', 'Product/Updated',
	'Stock/AvailableStockLevelChanged', 'Lead/Updated', 'Lead/Converted', 'Opportunity/Authorized',
	'Opportunity/AttachmentAdded', 'Opportunity/Voided', 'Opportunity/Converted', 'Task/Overdue',
];
const AUTH_TYPES = ['noauth', 'basicauth', 'bearerauth'];
const MAX_PER_TYPE = 5;
/** Minutes before each retry, after the previous attempt (the first attempt is immediate). */
const RETRY_MINUTES = [1, 5, 10, 15, 20, 25];
const DELIVERY_TIMEOUT_MS = 10000;
const MAX_DELIVERIES = 2000;
const TENANT_ID = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const SECRET_FIELDS = ['ExternalPassword', 'ExternalBearerToken'];

function prepare(core) {
	core.webhooks = [];
	core.webhookDeliveries = [];
	core.webhookSeq = 0;
}

// ---------- /webhooks ----------
const canonicalType = (t) => TYPES.find((x) => ci(x, t));

function validate(core, b, existing) {
	const type = canonicalType(b.Type);
	if (!b.Type) err(400, 'Required attribute Type is not provided.');
	if (!type) err(400, `Type '${b.Type}' is not valid. Valid types: ${TYPES.join(', ')}.`);
	if (!b.ExternalURL) err(400, 'Required attribute ExternalURL is not provided.');
	let url;
	try { url = new URL(String(b.ExternalURL)); } catch { url = null; }
	if (!url || !/^https?:$/.test(url.protocol)) err(400, `ExternalURL '${b.ExternalURL}' is not a valid http(s) URL.`);
	const auth = String(b.ExternalAuthorizationType || 'noauth').toLowerCase();
	if (!AUTH_TYPES.includes(auth)) err(400, `ExternalAuthorizationType '${b.ExternalAuthorizationType}' is not valid. Valid values: noauth, basicauth, bearerauth.`);
	if (auth === 'basicauth' && (!b.ExternalUserName || !b.ExternalPassword)) {
		err(400, `Required attribute ${!b.ExternalUserName ? 'ExternalUserName' : 'ExternalPassword'} is not provided for basicauth.`);
	}
	if (auth === 'bearerauth' && !b.ExternalBearerToken) err(400, 'Required attribute ExternalBearerToken is not provided for bearerauth.');
	const headers = b.ExternalHeaders == null ? [] : b.ExternalHeaders;
	if (!Array.isArray(headers) || headers.some((h) => !h || typeof h !== 'object' || !String(h.Key || '').trim())) {
		err(400, 'ExternalHeaders must be a list of {Key, Value} with a Key.');
	}
	const sameType = core.webhooks.filter((h) => h !== existing && h.Type === type);
	if (sameType.length >= MAX_PER_TYPE) {
		err(400, `Maximum number of webhooks of the same type is ${MAX_PER_TYPE}: ${type} already has ${sameType.length}.`);
	}
	return {
		Type: type,
		IsActive: b.IsActive === undefined ? true : b.IsActive === true || String(b.IsActive).toLowerCase() === 'true',
		ExternalURL: String(b.ExternalURL),
		ExternalAuthorizationType: auth,
		ExternalUserName: auth === 'basicauth' ? String(b.ExternalUserName) : '',
		ExternalPassword: auth === 'basicauth' ? String(b.ExternalPassword) : '',
		ExternalBearerToken: auth === 'bearerauth' ? String(b.ExternalBearerToken) : '',
		ExternalHeaders: headers.map((h) => ({ Key: String(h.Key), Value: h.Value == null ? '' : String(h.Value) })),
	};
}

function create(ctx) {
	const core = ctx.state;
	const b = ctx.body;
	if (!b || typeof b !== 'object' || Array.isArray(b)) err(400, 'Request body must be a webhook object.');
	const fields = validate(core, b, null);
	// Name is read-only: Cin7 names the webhook itself.
	const n = core.webhooks.filter((h) => h.Type === fields.Type).length + 1;
	const hook = { ID: core.rng.guid(), Name: `${fields.Type} webhook ${n}`, ...fields };
	core.webhooks.push(hook);
	return { status: 200, body: hook };
}

function update(ctx) {
	const core = ctx.state;
	const b = ctx.body;
	if (!b || !b.ID) err(400, 'Required attribute ID is not provided.');
	const hook = core.webhooks.find((h) => ci(h.ID, b.ID));
	if (!hook) err(400, 'Webhook not found.', 404);
	Object.assign(hook, validate(core, b, hook));
	return { status: 200, body: hook };
}

function remove(ctx) {
	const core = ctx.state;
	if (!ctx.q.id) err(400, 'Required parameter ID is not provided.');
	const hook = core.webhooks.find((h) => ci(h.ID, ctx.q.id));
	if (!hook) err(400, 'Webhook not found.', 404);
	core.webhooks = core.webhooks.filter((h) => h !== hook);
	return { status: 200, body: { Webhooks: core.webhooks } };
}

function handle(ctx) {
	const m = ctx.method;
	if (m === 'GET') return { status: 200, body: { Webhooks: ctx.state.webhooks } };
	if (m === 'POST') return create(ctx);
	if (m === 'PUT') return update(ctx);
	if (m === 'DELETE') return remove(ctx);
	return err(405, `The requested resource does not support http method '${m}'.`);
}

// ---------- inspection ----------
function masked(hook) {
	const o = { ...hook };
	for (const f of SECRET_FIELDS) if (o[f]) o[f] = '***';
	o.ExternalHeaders = (hook.ExternalHeaders || []).map((h) => ({ Key: h.Key, Value: h.Value ? '***' : '' }));
	return o;
}

/** The webhooks (secrets masked) and the delivery log, for /_sandbox/state. */
function snapshot(core) {
	return { webhooks: core.webhooks.map(masked), webhookDeliveries: core.webhookDeliveries };
}

/** /_sandbox/mutate {entity:"webhook", id, patch}: e.g. {IsActive:false} as if Cin7 had deactivated it. */
function mutate(core, body) {
	const hook = core.webhooks.find((h) => ci(h.ID, body.id)) || core.webhooks.find((h) => ci(h.ExternalURL, body.url));
	if (!hook) throw Object.assign(new Error('webhook not found (give id or url)'), { status: 404 });
	const patch = body.patch || {};
	if (patch.IsActive !== undefined) hook.IsActive = patch.IsActive === true;
	return masked(hook);
}

// ---------- delivery ----------
function requestHeaders(hook) {
	const h = { 'Content-Type': 'application/json' };
	for (const x of hook.ExternalHeaders || []) h[x.Key] = x.Value;
	if (hook.ExternalAuthorizationType === 'basicauth') {
		h.Authorization = 'Basic ' + Buffer.from(`${hook.ExternalUserName}:${hook.ExternalPassword}`).toString('base64');
	} else if (hook.ExternalAuthorizationType === 'bearerauth') {
		h.Authorization = `Bearer ${hook.ExternalBearerToken}`;
	}
	return h;
}

function later(sandbox, ms, fn) {
	const t = setTimeout(() => {
		sandbox.pending.delete(t);
		fn();
	}, ms);
	if (t.unref) t.unref();
	sandbox.pending.add(t);
}

/** Queues `payload` for every active webhook of `type`; deliveries start after the current call. */
function emit(core, sandbox, type, payload) {
	for (const hook of core.webhooks.filter((h) => h.IsActive && h.Type === type)) {
		const d = { seq: ++core.webhookSeq, webhookId: hook.ID, type, url: hook.ExternalURL, createdAt: new Date().toISOString(), status: 'pending', attempts: [], payload };
		core.webhookDeliveries.push(d);
		if (core.webhookDeliveries.length > MAX_DELIVERIES) core.webhookDeliveries.splice(0, core.webhookDeliveries.length - MAX_DELIVERIES);
		later(sandbox, 0, () => attempt(core, sandbox, hook, d));
	}
}

async function attempt(core, sandbox, hook, d) {
	// A reset replaced the data, or the webhook was deleted or deactivated meanwhile: stop.
	if (sandbox.state.cin7core !== core || !core.webhooks.includes(hook) || !hook.IsActive) {
		d.status = 'cancelled';
		return;
	}
	const started = Date.now();
	const entry = { at: new Date(started).toISOString(), status: 0 };
	try {
		const res = await fetch(hook.ExternalURL, {
			method: 'POST', headers: requestHeaders(hook), body: JSON.stringify(d.payload), signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
		});
		entry.status = res.status;
		await res.text().catch(() => '');
	} catch (e) {
		entry.error = (e && e.cause && e.cause.code) || (e && e.name) || String(e);
	}
	entry.ms = Date.now() - started;
	d.attempts.push(entry);
	if (entry.status >= 200 && entry.status < 300) {
		d.status = 'delivered';
		d.deliveredAt = new Date().toISOString();
		return;
	}
	const retriesDone = d.attempts.length - 1;
	if (retriesDone < RETRY_MINUTES.length) {
		const wait = (RETRY_MINUTES[retriesDone] * 60000) / (sandbox.opts.timeScale || 1);
		d.status = 'retrying';
		d.nextAttemptAt = new Date(Date.now() + wait).toISOString();
		later(sandbox, wait, () => attempt(core, sandbox, hook, d));
		return;
	}
	d.status = 'failed';
	delete d.nextAttemptAt;
	if (core.webhooks.includes(hook) && hook.IsActive) {
		hook.IsActive = false;
		d.deactivatedWebhook = true;
	}
}

// ---------- change detection ----------
const flag = (v) => (v ? '1' : '0');
const ddmmyyyy = (s) => {
	const t = Date.parse(String(s || '').replace(/Z?$/, 'Z'));
	if (Number.isNaN(t)) return '';
	const d = new Date(t);
	return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
};
/** Booleans arrive as "0" / "1" strings in Cin7's payloads. */
function stringBooleans(v) {
	if (typeof v === 'boolean') return flag(v);
	if (Array.isArray(v)) return v.map(stringBooleans);
	if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, stringBooleans(x)]));
	return v;
}

const authorised = (x) => x && (x.Status === 'AUTHORISED' || x.Status === 'PAID');

function saleState(s) {
	return {
		quote: s.Quote && s.Quote.Status === 'AUTHORISED',
		order: !!(s.Order && s.Order.Status === 'AUTHORISED'),
		backordered: !!s._backordered,
		tasks: s.Fulfilments.map((f) => ({ id: f.TaskID, pick: f.Pick.Status === 'AUTHORISED', pack: f.Pack.Status === 'AUTHORISED', ship: f.Ship.Status === 'AUTHORISED' })),
		invoices: s.Invoices.filter(authorised).length,
		credits: s.CreditNotes.filter((c) => c.Status === 'AUTHORISED').length,
		paid: s.Invoices.reduce((a, i) => a + i.Payments.reduce((b, p) => b + (p.Type === 'REFUND' ? 0 : Number(p.Amount || 0)), 0), 0),
		payments: s.Invoices.reduce((a, i) => a + i.Payments.length, 0),
		tracking: s.Fulfilments.map((f) => f.Ship.Lines.map((l) => l.TrackingNumber).join('|')).join(';'),
		voided: !!s._voided,
		attributes: JSON.stringify(s.AdditionalAttributes || {}),
		attachments: (s.Attachments || []).length,
	};
}

function hasActive(core, prefix) {
	return (core.webhooks || []).some((h) => h.IsActive && (!prefix || h.Type.startsWith(prefix)));
}

function capture(core) {
	const snap = { sales: null, stock: null };
	if (hasActive(core, 'Sale/')) snap.sales = new Map(core.sales.map((s) => [s, saleState(s)]));
	if (hasActive(core, 'Stock/')) snap.stock = new Map(core.availability.map((r) => [r, r.Available]));
	return snap;
}

const orderNumber = (s) => (s.Order ? s.Order.SaleOrderNumber : '');

function saleEvents(core, before, s) {
	const after = saleState(s);
	const out = [];
	const base = () => ({ SaleID: s.ID, SaleOrderNumber: orderNumber(s) });
	const ev = (type, payload) => out.push([type, { ...payload, EventType: type }]);
	if (!before) {
		const contact = s.Contact || '';
		ev('Sale/Created', {
			...base(), CustomerName: s.Customer, CustomerContactName: contact, CustomerContactEmail: s.Email || '', SaleRepEmail: '',
			SaleOrderDate: s.SaleOrderDate, TaskTypeSign: '0', IsServiceOnly: flag(s.ServiceOnly),
		});
		before = { quote: false, order: false, backordered: false, tasks: [], invoices: 0, credits: 0, paid: 0, payments: 0, tracking: '', voided: false, attributes: '{}', attachments: 0 };
	}
	if (!before.quote && after.quote) ev('Sale/QuoteAuthorised', base());
	if (!before.order && after.order) ev('Sale/OrderAuthorised', base());
	if (!before.backordered && after.backordered && after.order) ev('Sale/Backordered', base());
	for (const t of after.tasks) {
		const was = before.tasks.find((x) => x.id === t.id) || { pick: false, pack: false, ship: false };
		if (!was.pick && t.pick) ev('Sale/PickAuthorised', { ...base(), TaskID: t.id });
		if (!was.pack && t.pack) ev('Sale/PackAuthorised', { ...base(), TaskID: t.id });
		// The shipment event names its keys differently from every other sale event.
		if (!was.ship && t.ship) ev('Sale/ShipmentAuthorised', { SaleTaskID: t.id, TenantID: TENANT_ID, OrderNumber: orderNumber(s), CustomerName: s.Customer });
	}
	if (after.tracking !== before.tracking && after.tracking.replace(/[|;]/g, '')) {
		for (const f of s.Fulfilments) {
			ev('Sale/ShipmentTrackingNumberChanged', {
				...base(), TaskID: f.TaskID, SaleOrderDate: ddmmyyyy(s.SaleOrderDate), CustomerEmail: s.Email || '',
				Shipments: f.Ship.Lines.map((l) => ({ ShipmentDate: ddmmyyyy(l.ShipmentDate), TrackingNumber: l.TrackingNumber, TrackingUrl: l.TrackingURL, Carrier: l.Carrier })),
			});
		}
	}
	if (after.invoices > before.invoices) ev('Sale/InvoiceAuthorised', base());
	if (after.credits > before.credits) ev('Sale/CreditNoteAuthorised', base());
	if (after.payments > before.payments && after.paid > before.paid) {
		const inv = s.Invoices.find((i) => i.Payments.length) || s.Invoices[0];
		const total = s.Invoices.filter(authorised).reduce((a, i) => a + i.Total, 0);
		const full = total > 0 && after.paid + 0.005 >= total;
		const last = inv.Payments[inv.Payments.length - 1];
		ev(full ? 'Sale/FullPaymentReceived' : 'Sale/PartialPaymentReceived', {
			...base(), DocumentNumber: inv.InvoiceNumber, DocumentType: 'Invoice', DocumentDate: ddmmyyyy(last && last.DatePaid),
			AmountPercent: total > 0 ? String(Math.round((after.paid / total) * 10000) / 100) : '0',
		});
	}
	if (!before.voided && after.voided) ev('Sale/Voided', base());
	const undone = !after.voided && (
		(before.quote && !after.quote) || (before.order && !after.order) || after.invoices < before.invoices || after.credits < before.credits ||
		before.tasks.some((t) => { const now = after.tasks.find((x) => x.id === t.id) || {}; return (t.pick && !now.pick) || (t.pack && !now.pack) || (t.ship && !now.ship); })
	);
	if (undone) ev('Sale/Undo', base());
	if (after.attributes !== before.attributes) ev('Sale/AdditionalAttributesChanged', base());
	if (after.attachments > before.attachments) ev('Sale/AttachmentAdded', base());
	return out;
}

function customerPayload(c) {
	const { Addresses, Contacts, ProductPrices, ...rest } = c; // eslint-disable-line no-unused-vars
	return {
		NumberOfCustomers: 1,
		CustomerDetailsList: [{ Customer: stringBooleans(rest), Addresses: stringBooleans(Addresses || []), Contacts: stringBooleans(Contacts || []) }],
		EventType: 'Customer/Updated',
	};
}

function productPayload(p, created) {
	return { NumberOfProducts: 1, ProductDetailsList: [{ Event: created ? 'Creation' : 'Update', ...stringBooleans(p) }], EventType: 'Product/Updated' };
}

/**
 * Runs `run()` (an API call or a mutation) and emits the events its changes cause. `hint` names a
 * customer or product the call wrote: `{customer}` / `{product, created}` (the record, or a function
 * reading it from run's result). A call that throws emits nothing.
 */
function around(core, sandbox, run, hint = {}) {
	if (!hasActive(core)) return run();
	const snap = capture(core);
	const result = run();
	const events = [];
	if (snap.sales) {
		for (const s of core.sales) {
			const before = snap.sales.get(s);
			if (!before || JSON.stringify(before) !== JSON.stringify(saleState(s))) events.push(...saleEvents(core, before, s));
		}
	}
	const pick = (h) => (typeof h === 'function' ? h(result) : h);
	const customer = pick(hint.customer);
	if (customer) events.push(['Customer/Updated', customerPayload(customer)]);
	const product = pick(hint.product);
	if (product) events.push(['Product/Updated', productPayload(product, hint.created === true)]);
	if (snap.stock) {
		const changed = [];
		const now = new Set(core.availability);
		for (const r of core.availability) if (!snap.stock.has(r) || snap.stock.get(r) !== r.Available) changed.push(publicAvail(r));
		// A row removed (a location total replaced) now holds nothing there.
		for (const [r, was] of snap.stock) if (!now.has(r) && was !== 0) changed.push({ ...publicAvail(r), OnHand: 0, Allocated: 0, Available: 0, OnOrder: 0, StockOnHand: 0 });
		if (changed.length) events.push(['Stock/AvailableStockLevelChanged', changed.map(stringBooleans)]);
	}
	for (const [type, payload] of events) emit(core, sandbox, type, payload);
	return result;
}

module.exports = { TYPES, MAX_PER_TYPE, RETRY_MINUTES, prepare, handle, snapshot, mutate, emit, around, masked };
