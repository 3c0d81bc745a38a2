'use strict';
// Cin7 Core sale lifecycle: POST /sale header → /sale/quote|order (Lines) → fulfilment pick/pack/ship
// → /sale/invoice → /sale/payment → /sale/creditnote; DELETE /sale?ID=&Void=; saleList and
// saleCreditNoteList with their filters. Authorised orders allocate stock; authorised shipments
// reduce OnHand; voids release allocations.

const { coreDate, round2, availRow } = require('./seed');
const { err, parseDate, ci, bool, page } = require('./cin7core-util');

const EMPTY_GUID = '00000000-0000-0000-0000-000000000000';
const nowCore = () => coreDate(Date.now(), true);

function prepare(core) {
	const raw = core.sales;
	core.sales = [];
	core.saleById = new Map();
	core.taskIndex = new Map();
	core.counters = { order: 0, invoice: 0, credit: 0 };
	for (const r of raw) {
		const s = newSale(core, {
			ID: r.ID, Customer: r.customer, Location: r.location, ExternalID: r.externalId, CustomerReference: r.reference, SkipQuote: true,
			created: r.created, SaleOrderDate: coreDate(r.created, false).slice(0, 10) + 'T00:00:00',
		});
		const st = r.stage;
		s.Order = makeOrder(core, s, { Status: st === 'DRAFT' ? 'DRAFT' : 'AUTHORISED', Lines: r.lines, Memo: '' });
		if (st !== 'DRAFT') {
			addFulfilment(core, s, s.ID);
			if (st === 'BACKORDERED') s._backordered = true;
			if (['SHIPPED', 'COMPLETED', 'CREDITED'].includes(st)) {
				const f = s.Fulfilments[0];
				f.Pick = { Status: 'AUTHORISED', Lines: fulfilLines(s) };
				f.Pack = { Status: 'AUTHORISED', Lines: fulfilLines(s) };
				f.Ship = { Status: 'AUTHORISED', RequireBy: null, ShippingAddress: s.ShippingAddress, ShippingNotes: '', Lines: [shipLine(core, { ShipmentDate: coreDate(r.updated, false), Carrier: 'Australia Post', TrackingNumber: r.tracking, IsShipped: true })] };
			}
			if (['INVOICED', 'COMPLETED', 'CREDITED'].includes(st)) {
				const inv = makeInvoice(core, s, { Status: 'AUTHORISED', InvoiceDate: coreDate(r.updated, false) });
				if (st !== 'INVOICED') inv.Payments.push({ ID: core.rng.guid(), Type: 'PAYMENT', Reference: 'Card', Amount: inv.Total, DatePaid: inv.InvoiceDate, Account: '1100' });
			}
			if (st === 'CREDITED') makeCredit(core, s, { Status: 'AUTHORISED', Lines: s.Order.Lines.slice(0, 1) });
			if (st === 'VOIDED') s._voided = true;
		}
		derive(s);
		s._updated = r.updated;
		s.LastModifiedOn = coreDate(r.updated, r.number % 2 === 0);
	}
}

function newSale(core, h) {
	const cust = h.Customer;
	const c = cust.Contacts.find((x) => x.Default) || cust.Contacts[0] || {};
	const bill = cust.Addresses.find((a) => a.Type === 'Billing') || cust.Addresses[0] || {};
	const ship = cust.Addresses.find((a) => a.Type === 'Shipping') || bill;
	const addr = (a) => ({ Line1: a.Line1 || '', Line2: a.Line2 || '', City: a.City || '', State: a.State || '', Postcode: a.Postcode || '', Country: a.Country || '', DisplayAddressLine1: a.Line1 || '', DisplayAddressLine2: [a.City, a.State, a.Postcode].filter(Boolean).join(' ') });
	const created = h.created || Date.now();
	const s = {
		ID: h.ID || core.rng.guid(), Customer: cust.Name, CustomerID: cust.ID, Contact: c.Name || '', Phone: c.Phone || '', Email: c.Email || '', DefaultAccount: cust.RevenueAccount,
		SkipQuote: !!h.SkipQuote, BillingAddress: h.BillingAddress || addr(bill), ShippingAddress: h.ShippingAddress || { ...addr(ship), Company: cust.Name, Contact: c.Name || '', ShipToOther: false },
		ShippingNotes: h.ShippingNotes || '', BaseCurrency: 'AUD', CustomerCurrency: cust.Currency, TaxRule: h.TaxRule || cust.TaxRule, TaxCalculation: h.TaxInclusive ? 'Inclusive' : 'Exclusive',
		Terms: cust.PaymentTerm, PriceTier: h.PriceTier || cust.PriceTier, ShipBy: h.ShipBy || null, Location: h.Location, SaleOrderDate: h.SaleOrderDate || coreDate(created, false),
		LastModifiedOn: coreDate(created, true), Note: h.Note || '', CustomerReference: h.CustomerReference || '', COGSAmount: 0, Status: 'DRAFT',
		CombinedPickingStatus: 'NOT AVAILABLE', CombinedPackingStatus: 'NOT AVAILABLE', CombinedShippingStatus: 'NOT AVAILABLE', FulFilmentStatus: 'NOT AVAILABLE',
		CombinedInvoiceStatus: 'NOT AVAILABLE', CombinedPaymentStatus: 'UNPAID', CombinedTrackingNumbers: '', Carrier: h.Carrier || cust.Carrier || '', CurrencyRate: h.CurrencyRate || 1,
		SalesRepresentative: h.SalesRepresentative || cust.SalesRepresentative || '', Type: h.SaleType === 'Advanced' ? 'Advanced Sale' : 'Simple Sale', SourceChannel: h.SourceChannel || 'API',
		ExternalID: h.ExternalID || '', ServiceOnly: false, Quote: { Memo: '', Status: h.SkipQuote ? 'NOT AVAILABLE' : 'DRAFT', Lines: [], AdditionalCharges: [], TotalBeforeTax: 0, Tax: 0, Total: 0 },
		Order: null, Fulfilments: [], Invoices: [], CreditNotes: [], ManualJournals: { Status: 'NOT AVAILABLE', Lines: [] },
		AdditionalAttributes: h.AdditionalAttributes || {}, Attachments: [], InventoryMovements: [], Transactions: [],
		_created: created, _updated: created, _voided: false, _backordered: false, _allocated: null,
	};
	core.sales.push(s);
	core.saleById.set(s.ID, s);
	return s;
}

function resolveLines(core, lines, what) {
	if (!Array.isArray(lines)) err(400, `Required attribute Lines is not provided for ${what}.`);
	return lines.map((l, i) => {
		const p = (l.ProductID && core.productById.get(l.ProductID)) || (l.SKU && core.productBySku.get(String(l.SKU).toLowerCase()));
		if (!p) err(400, `Line ${i + 1}: product '${l.ProductID || l.SKU || ''}' not found.`, 404);
		const qty = Number(l.Quantity);
		if (!(qty >= 1)) err(400, `Line ${i + 1}: Quantity should be at least 1.`);
		const price = l.Price != null ? Number(l.Price) : p.PriceTier1;
		const disc = Number(l.Discount || 0);
		if (disc < 0 || disc > 100) err(400, `Line ${i + 1}: Discount should be between 0 and 100.`);
		const total = l.Total != null ? Number(l.Total) : round2(qty * price * (1 - disc / 100));
		return { ProductID: p.ID, SKU: p.SKU, Name: l.Name || p.Name, Quantity: qty, Price: price, Discount: disc, Tax: l.Tax != null ? Number(l.Tax) : round2(total * 0.1), TaxRule: l.TaxRule || 'GST on Income', AverageCost: p.AverageCost, Comment: l.Comment || '', DropShip: !!l.DropShip, Total: total };
	});
}
function totals(doc) {
	const before = round2(doc.Lines.reduce((a, l) => a + l.Total, 0) + (doc.AdditionalCharges || []).reduce((a, c) => a + Number(c.Total || 0), 0));
	const tax = round2(doc.Lines.reduce((a, l) => a + l.Tax, 0));
	doc.TotalBeforeTax = before; doc.Tax = tax; doc.Total = round2(before + tax);
	return doc;
}
function makeOrder(core, s, b) {
	core.counters.order++;
	return totals({ SaleOrderNumber: `SO-${String(core.counters.order).padStart(5, '0')}`, Memo: b.Memo || '', Status: b.Status || 'DRAFT', Lines: resolveLines(core, b.Lines, 'order'), AdditionalCharges: b.AdditionalCharges || [] });
}
function fulfilLines(s) { return s.Order.Lines.map((l) => ({ ProductID: l.ProductID, SKU: l.SKU, Name: l.Name, Location: s.Location, Quantity: l.Quantity, BatchSN: null, ExpiryDate: null, NonInventory: false, Box: 'Box 1' })); }
function addFulfilment(core, s, taskId) {
	const f = { TaskID: taskId || core.rng.guid(), FulfillmentNumber: s.Fulfilments.length + 1, LinkedInvoiceNumber: null, FulFilmentStatus: 'NOT FULFILLED', Pick: { Status: 'NOT AVAILABLE', Lines: [] }, Pack: { Status: 'NOT AVAILABLE', Lines: [] }, Ship: { Status: 'NOT AVAILABLE', RequireBy: null, ShippingAddress: s.ShippingAddress, ShippingNotes: '', Lines: [] } };
	s.Fulfilments.push(f);
	core.taskIndex.set(f.TaskID, s);
	return f;
}
function shipLine(core, l) {
	return { ID: core.rng.guid(), ShipmentDate: l.ShipmentDate || coreDate(Date.now(), false), Carrier: l.Carrier || '', Boxes: l.Box || l.Boxes || 'Box 1', TrackingNumber: l.TrackingNumber || '', TrackingURL: l.TrackingNumber ? `https://tracking.example.com/${encodeURIComponent(l.TrackingNumber)}` : '', IsShipped: l.IsShipped !== false };
}
function makeInvoice(core, s, b) {
	core.counters.invoice++;
	const inv = totals({ TaskID: s.Invoices.length === 0 && s.Type === 'Simple Sale' ? s.ID : core.rng.guid(), InvoiceNumber: `INV-${String(core.counters.invoice).padStart(5, '0')}`, Memo: b.Memo || '', Status: b.Status || 'DRAFT', InvoiceDate: b.InvoiceDate || coreDate(Date.now(), false), InvoiceDueDate: b.InvoiceDueDate || coreDate(Date.now() + 30 * 86400000, false), CombineAdditionalCharges: !!b.CombineAdditionalCharges, Lines: b.Lines === undefined ? s.Order.Lines.map((l) => ({ ...l })) : resolveLines(core, b.Lines, 'invoice'), AdditionalCharges: b.AdditionalCharges || [], Payments: [] });
	s.Invoices.push(inv);
	core.taskIndex.set(inv.TaskID, s);
	if (s.Fulfilments[0] && !s.Fulfilments[0].LinkedInvoiceNumber) s.Fulfilments[0].LinkedInvoiceNumber = inv.InvoiceNumber;
	return inv;
}
function makeCredit(core, s, b) {
	core.counters.credit++;
	const cn = totals({ TaskID: core.rng.guid(), CreditNoteInvoiceNumber: b.CreditNoteInvoiceNumber || `CR-${String(core.counters.credit).padStart(5, '0')}`, Memo: b.Memo || '', Status: b.Status || 'DRAFT', CreditNoteDate: b.CreditNoteDate || coreDate(Date.now(), false), Lines: resolveLines(core, b.Lines || [], 'credit note'), AdditionalCharges: b.AdditionalCharges || [], Restock: b.Restock || [], Refunds: [] });
	s.CreditNotes.push(cn);
	core.taskIndex.set(cn.TaskID, s);
	return cn;
}

// ---------- stock effects ----------
function stockRows(core, productId, location) { return core.availability.filter((r) => r.ID === productId && ci(r.Location, location)); }
function adjust(core, productId, location, dOnHand, dAllocated) {
	let rows = stockRows(core, productId, location);
	if (!rows.length) {
		const p = core.productById.get(productId);
		const row = availRow(p, location, null, null, null, { OnHand: 0, Allocated: 0, OnOrder: 0, InTransit: 0, cost: p.AverageCost || 1 });
		core.availability.push(row);
		rows = [row];
	}
	let left = dOnHand;
	for (const r of rows) { // take OnHand from rows that have it, first to last
		if (left === 0) break;
		const take = left < 0 ? Math.max(left, -Math.max(0, r.OnHand)) : left;
		r.OnHand += take; r.Available += take; left -= take;
	}
	if (left !== 0) { rows[0].OnHand += left; rows[0].Available += left; }
	rows[0].Allocated += dAllocated; rows[0].Available -= dAllocated;
	for (const r of rows) r.StockOnHand = round2(r.OnHand * (r._cost || 1));
}
// Lines that draw on the sale's location: a Service product keeps no stock in Cin7 Core, and a
// drop-ship line (the line's DropShip, or a product set to Always Drop Ship) ships from the supplier,
// so neither is allocated, backordered or shipped out of stock.
function drawsStock(core, l) {
	const p = core.productById.get(l.ProductID);
	if (!p || ci(p.Type, 'Service')) return false;
	return !(l.DropShip || ci(p.DropShipMode, 'Always Drop Ship'));
}
function allocate(core, s) {
	const need = new Map();
	for (const l of s.Order.Lines.filter((x) => drawsStock(core, x))) need.set(l.ProductID, (need.get(l.ProductID) || 0) + l.Quantity);
	for (const [pid, qty] of need) {
		const avail = stockRows(core, pid, s.Location).reduce((a, r) => a + r.Available, 0);
		if (avail < qty) { s._backordered = true; s.Order.Status = 'AUTHORISED'; return; }
	}
	for (const [pid, qty] of need) adjust(core, pid, s.Location, 0, qty);
	s._allocated = [...need];
}
function release(core, s) {
	if (!s._allocated) return;
	for (const [pid, qty] of s._allocated) adjust(core, pid, s.Location, 0, -qty);
	s._allocated = null;
}
function shipStock(core, s, sign) {
	for (const l of s.Order.Lines.filter((x) => drawsStock(core, x))) adjust(core, l.ProductID, s.Location, -sign * l.Quantity, 0);
	if (sign > 0) release(core, s);
}

// ---------- derived statuses ----------
function derive(s) {
	const order = s.Order ? s.Order.Status : 'NOT AVAILABLE';
	const authorised = order === 'AUTHORISED';
	const f = s.Fulfilments[0];
	const st3 = (x, yes, doing, no) => (!authorised || !f ? 'NOT AVAILABLE' : x.Status === 'AUTHORISED' ? yes : x.Status === 'DRAFT' ? doing : no);
	const invs = s.Invoices.filter((i) => i.Status === 'AUTHORISED' || i.Status === 'PAID');
	const credited = s.CreditNotes.some((c) => c.Status === 'AUTHORISED');
	const invTotal = invs.reduce((a, i) => a + i.Total, 0);
	const paid = s.Invoices.reduce((a, i) => a + i.Payments.reduce((b, p) => b + (p.Type === 'REFUND' ? 0 : Number(p.Amount || 0)), 0), 0);
	for (const i of s.Invoices) if (i.Status === 'AUTHORISED' && i.Payments.length && i.Payments.reduce((a, p) => a + Number(p.Amount || 0), 0) >= i.Total) i.Status = 'PAID';
	s.QuoteStatus = s.Quote.Status;
	s.OrderStatus = s._voided ? 'VOIDED' : order;
	s.CombinedPickingStatus = f ? st3(f.Pick, 'PICKED', 'PICKING', 'NOT PICKED') : 'NOT AVAILABLE';
	s.CombinedPackingStatus = f ? st3(f.Pack, 'PACKED', 'PACKING', 'NOT PACKED') : 'NOT AVAILABLE';
	s.CombinedShippingStatus = f ? st3(f.Ship, 'SHIPPED', 'SHIPPING', 'NOT SHIPPED') : 'NOT AVAILABLE';
	const shipped = s.CombinedShippingStatus === 'SHIPPED';
	if (f) f.FulFilmentStatus = shipped ? 'FULFILLED' : authorised ? 'NOT FULFILLED' : 'NOT AVAILABLE';
	s.FulFilmentStatus = f ? f.FulFilmentStatus : 'NOT AVAILABLE';
	s.CombinedInvoiceStatus = !authorised ? 'NOT AVAILABLE' : invs.length ? (credited ? 'INVOICED / CREDITED' : 'INVOICED') : 'NOT INVOICED';
	s.CombinedPaymentStatus = paid <= 0 ? 'UNPAID' : paid + 0.005 >= invTotal && invTotal > 0 ? 'PAID' : invs.length ? 'PARTIALLY PAID' : 'PREPAID';
	s.CreditNoteStatus = credited ? 'AUTHORISED' : s.CreditNotes.length ? 'DRAFT' : 'NOT AVAILABLE';
	s.CombinedTrackingNumbers = s.Fulfilments.flatMap((x) => x.Ship.Lines.map((l) => l.TrackingNumber)).filter(Boolean).join(', ');
	let status;
	if (s._voided) status = 'VOIDED';
	else if (!s.Order) status = s.Quote.Status === 'AUTHORISED' ? 'ESTIMATED' : s.Quote.Status === 'DRAFT' && s.Quote.Lines.length ? 'ESTIMATING' : 'DRAFT';
	else if (!authorised) status = 'ORDERING';
	else if (credited) status = 'CREDITED';
	else if (shipped && s.CombinedPaymentStatus === 'PAID' && invs.length) status = 'COMPLETED';
	else if (invs.length) status = 'INVOICED';
	else if (shipped) status = 'SHIPPING';
	else if (s.CombinedPackingStatus === 'PACKED') status = 'PACKED';
	else if (s.CombinedPickingStatus === 'PICKED') status = 'PICKED';
	else if (s._backordered) status = 'BACKORDERED';
	else status = 'ORDERED';
	if (s._voided) { s.CombinedPickingStatus = s.CombinedPackingStatus = s.CombinedShippingStatus = s.FulFilmentStatus = 'VOIDED'; }
	s.Status = status;
}
function touch(s) { derive(s); s._updated = Date.now(); s.LastModifiedOn = nowCore(); }

function publicSale(s) {
	const o = {};
	for (const [k, v] of Object.entries(s)) if (k[0] !== '_' && k !== 'QuoteStatus' && k !== 'OrderStatus' && k !== 'CreditNoteStatus') o[k] = v;
	o.Order = s.Order ? { SaleOrderNumber: s.Order.SaleOrderNumber, Memo: s.Order.Memo, Status: s.OrderStatus, Lines: s.Order.Lines, AdditionalCharges: s.Order.AdditionalCharges, TotalBeforeTax: s.Order.TotalBeforeTax, Tax: s.Order.Tax, Total: s.Order.Total } : { Status: 'NOT AVAILABLE', Lines: [], AdditionalCharges: [] };
	return o;
}
function listRow(s) {
	const inv = s.Invoices[0];
	const cn = s.CreditNotes[0];
	return {
		SaleID: s.ID, OrderNumber: s.Order ? s.Order.SaleOrderNumber : '', Status: s.Status, OrderDate: s.SaleOrderDate, InvoiceDate: inv ? inv.InvoiceDate : null,
		Customer: s.Customer, CustomerID: s.CustomerID, InvoiceNumber: inv ? inv.InvoiceNumber : '', CustomerReference: s.CustomerReference,
		InvoiceAmount: inv ? inv.Total : 0, PaidAmount: round2(s.Invoices.reduce((a, i) => a + i.Payments.reduce((b, p) => b + Number(p.Amount || 0), 0), 0)),
		SaleInvoicesTotalAmount: round2(s.Invoices.reduce((a, i) => a + i.Total, 0)), InvoiceDueDate: inv ? inv.InvoiceDueDate : null, ShipBy: s.ShipBy,
		BaseCurrency: s.BaseCurrency, CustomerCurrency: s.CustomerCurrency, CreditNoteNumber: cn ? cn.CreditNoteInvoiceNumber : '', Updated: coreDate(s._updated, true),
		QuoteStatus: s.QuoteStatus, OrderStatus: s.OrderStatus, CombinedPickingStatus: s.CombinedPickingStatus, CombinedPackingStatus: s.CombinedPackingStatus,
		CombinedShippingStatus: s.CombinedShippingStatus, FulFilmentStatus: s.FulFilmentStatus, CombinedInvoiceStatus: s.CombinedInvoiceStatus,
		CombinedPaymentTotal: 0, CreditNoteStatus: s.CreditNoteStatus, CombinedPaymentStatus: s.CombinedPaymentStatus, Type: s.Type,
		CombinedTrackingNumbers: s.CombinedTrackingNumbers, SourceChannel: s.SourceChannel, ExternalID: s.ExternalID, OrderLocationID: locId(s),
	};
}
let locCache = null;
function locId(s) { return locCache ? locCache.get(String(s.Location).toLowerCase()) || null : null; }

function listSales(ctx, creditOnly) {
	const core = ctx.state;
	const q = ctx.q;
	locCache = new Map(core.locations.map((l) => [l.Name.toLowerCase(), l.ID]));
	let rows = creditOnly ? core.sales.filter((s) => s.CreditNotes.length) : core.sales;
	if (q.createdsince) { const t = parseDate(q.createdsince, 'CreatedSince'); rows = rows.filter((s) => s._created >= t); }
	if (q.updatedsince) { const t = parseDate(q.updatedsince, 'UpdatedSince'); rows = rows.filter((s) => s._updated >= t); }
	if (q.updateduntil) { const t = parseDate(q.updateduntil, 'UpdatedUntil'); rows = rows.filter((s) => s._updated <= t); }
	let out = rows.map(listRow);
	if (q.search) { const t = q.search.toLowerCase(); out = out.filter((r) => [r.OrderNumber, r.Status, r.Customer, r.InvoiceNumber, r.CustomerReference, r.CreditNoteNumber].some((v) => v && String(v).toLowerCase().includes(t))); }
	const eq = { status: 'Status', quotestatus: 'QuoteStatus', orderstatus: 'OrderStatus', combinedpickstatus: 'CombinedPickingStatus', combinedpackstatus: 'CombinedPackingStatus', combinedshippingstatus: 'CombinedShippingStatus', combinedinvoicestatus: 'CombinedInvoiceStatus', creditnotestatus: 'CreditNoteStatus', externalid: 'ExternalID', orderlocationid: 'OrderLocationID' };
	for (const [param, field] of Object.entries(eq)) if (q[param]) out = out.filter((r) => ci(r[field], q[param]));
	if (q.shipby) { const t = parseDate(q.shipby, 'ShipBy'); out = out.filter((r) => r.ShipBy && parseDate(r.ShipBy) <= t); }
	if (q.readyforshipping && bool(q.readyforshipping)) out = out.filter((r) => r.OrderStatus === 'AUTHORISED' && !['SHIPPED', 'VOIDED'].includes(r.CombinedShippingStatus));
	return page(ctx, out, 'SaleList');
}

function saleFor(core, id, what = 'Sale') {
	const s = id && core.saleById.get(id);
	if (!s) err(400, `${what} not found.`, 404);
	return s;
}
function taskFor(core, taskId) {
	const s = taskId && core.taskIndex.get(taskId);
	if (!s) err(400, `Task '${taskId}' not found.`, 404);
	return s;
}

function createSale(ctx) {
	const core = ctx.state;
	const b = ctx.body || {};
	const cust = (b.CustomerID && core.customerById.get(b.CustomerID)) || (b.Customer && core.customers.find((c) => ci(c.Name, b.Customer)));
	if (!cust) err(400, b.CustomerID || b.Customer ? 'Customer not found.' : 'Required attribute Customer or CustomerID is not provided.', b.CustomerID || b.Customer ? 404 : 400);
	if (!b.Location) err(400, 'Required attribute Location is not provided.');
	const loc = core.locations.find((l) => ci(l.Name, b.Location));
	if (!loc) err(400, `Location '${b.Location}' not found.`, 404);
	if (cust.Currency !== 'AUD' && !b.CurrencyRate) err(400, 'Required attribute CurrencyRate is not provided.');
	const s = newSale(core, { ...b, Customer: cust, Location: loc.Name });
	touch(s);
	return { status: 200, body: publicSale(s) };
}
function updateSale(ctx) {
	const core = ctx.state;
	const b = ctx.body || {};
	if (!b.ID) err(400, 'Required attribute ID is not provided.');
	const s = saleFor(core, b.ID);
	if (s._voided) err(400, 'Sale is voided.');
	const editable = ['ShippingAddress', 'BillingAddress', 'ShippingNotes', 'ShipBy', 'Note', 'CustomerReference', 'Carrier', 'SalesRepresentative', 'ExternalID', 'AdditionalAttributes', 'Phone', 'Email', 'Contact', 'SaleOrderDate', 'TaxRule', 'PriceTier'];
	for (const k of editable) if (b[k] !== undefined) s[k] = b[k];
	if (b.Location && !(s.Order && s.Order.Status === 'AUTHORISED')) s.Location = b.Location;
	touch(s);
	return { status: 200, body: publicSale(s) };
}
function voidSale(ctx) {
	const core = ctx.state;
	const s = saleFor(core, ctx.q.id);
	if (!ctx.q.void) err(400, 'Required parameter Void is not provided.');
	const f = s.Fulfilments[0];
	if (bool(ctx.q.void)) {
		if (s._voided) err(400, 'Sale is already voided.');
		if (f && f.Ship.Status === 'AUTHORISED') err(400, 'Sale with an authorised shipment cannot be voided. Undo the shipment first.');
		release(core, s);
		s._voided = true;
	} else { // undo the last authorised stage
		if (s.CreditNotes.some((c) => c.Status === 'AUTHORISED')) s.CreditNotes.forEach((c) => { c.Status = 'DRAFT'; });
		else if (s.Invoices.some((i) => i.Status === 'AUTHORISED' || i.Status === 'PAID')) s.Invoices.forEach((i) => { i.Status = 'DRAFT'; i.Payments = []; });
		else if (f && f.Ship.Status === 'AUTHORISED') { f.Ship.Status = 'DRAFT'; shipStock(core, s, -1); allocateQuiet(core, s); }
		else if (f && f.Pack.Status === 'AUTHORISED') f.Pack.Status = 'DRAFT';
		else if (f && f.Pick.Status === 'AUTHORISED') f.Pick.Status = 'DRAFT';
		else if (s.Order && s.Order.Status === 'AUTHORISED') { release(core, s); s.Order.Status = 'DRAFT'; s._backordered = false; }
		else if (s.Quote.Status === 'AUTHORISED') s.Quote.Status = 'DRAFT';
		else err(400, 'Nothing to undo.');
	}
	touch(s);
	return { status: 200, body: publicSale(s) };
}
function allocateQuiet(core, s) { s._backordered = false; allocate(core, s); }

function postQuote(ctx) {
	const core = ctx.state;
	const b = ctx.body || {};
	const s = saleFor(core, b.SaleID);
	if (s.SkipQuote) err(400, 'Quote is skipped for this sale (SkipQuote is true).');
	if (s.Quote.Status === 'AUTHORISED') err(400, 'Quote is already authorised.');
	s.Quote = totals({ Memo: b.Memo || '', Status: b.Status || 'DRAFT', Lines: resolveLines(core, b.Lines, 'quote'), AdditionalCharges: b.AdditionalCharges || [] });
	touch(s);
	return { status: 200, body: { SaleID: s.ID, ...s.Quote } };
}
function postOrder(ctx, isPut) {
	const core = ctx.state;
	const b = ctx.body || {};
	const s = saleFor(core, b.SaleID);
	if (s._voided) err(400, 'Sale is voided.');
	if (!s.SkipQuote && s.Quote.Status !== 'AUTHORISED') err(400, 'Quote should be authorised before creating the order.');
	if (s.Order && s.Order.Status === 'AUTHORISED') err(400, 'Order is already authorised. Undo it before changing lines.');
	if (isPut && !s.Order) err(400, 'Order not found.', 404);
	const st = String(b.Status || 'DRAFT').toUpperCase();
	if (!['DRAFT', 'AUTHORISED'].includes(st)) err(400, `Invalid order Status '${b.Status}'.`);
	const number = s.Order ? s.Order.SaleOrderNumber : null;
	s.Order = makeOrder(core, s, { ...b, Status: st });
	if (number) { s.Order.SaleOrderNumber = number; core.counters.order--; }
	if (st === 'AUTHORISED') {
		allocate(core, s);
		const f = s.Fulfilments[0] || addFulfilment(core, s, s.Type === 'Simple Sale' ? s.ID : null);
		const mode = String(b.AutoPickPackShipMode || 'NOPICK').toUpperCase();
		if (!s._backordered && mode.startsWith('AUTOPICK')) {
			f.Pick = { Status: 'AUTHORISED', Lines: fulfilLines(s) };
			if (mode.startsWith('AUTOPICKPACK')) f.Pack = { Status: 'AUTHORISED', Lines: fulfilLines(s) };
			if (mode === 'AUTOPICKPACKSHIP') { f.Ship = { ...f.Ship, Status: 'AUTHORISED', Lines: [shipLine(core, {})] }; shipStock(core, s, 1); }
		}
	}
	touch(s);
	return { status: 200, body: { SaleID: s.ID, ...s.Order, Status: s.OrderStatus } };
}
function fulfilmentBody(s) { return { SaleID: s.ID, Fulfilments: s.Fulfilments }; }
function pickPackShip(ctx, stage) {
	const core = ctx.state;
	const b = ctx.body || {};
	const s = taskFor(core, b.TaskID);
	const f = s.Fulfilments.find((x) => x.TaskID === b.TaskID);
	if (!f) err(400, 'Fulfilment task not found.', 404);
	if (s._voided) err(400, 'Sale is voided.');
	if (!s.Order || s.Order.Status !== 'AUTHORISED') err(400, 'Order should be authorised first.');
	const status = String(b.Status || 'DRAFT').toUpperCase();
	if (stage === 'pick') {
		if (f.Pick.Status === 'AUTHORISED') err(400, 'Pick is already authorised.');
		if (b.AutoPickMode) f.Pick = { Status: 'AUTHORISED', Lines: fulfilLines(s) };
		else f.Pick = { Status: status, Lines: b.Lines || fulfilLines(s) };
		touch(s);
		return { status: 200, body: { TaskID: f.TaskID, ...f.Pick } };
	}
	if (stage === 'pack') {
		if (f.Pick.Status !== 'AUTHORISED') err(400, 'Pick should be authorised before packing.');
		if (f.Pack.Status === 'AUTHORISED') err(400, 'Pack is already authorised.');
		f.Pack = { Status: status, Lines: b.Lines || f.Pick.Lines.map((l) => ({ ...l, Box: 'Box 1' })) };
		touch(s);
		return { status: 200, body: { TaskID: f.TaskID, ...f.Pack } };
	}
	// ship
	if (f.Pack.Status !== 'AUTHORISED') err(400, 'Pack should be authorised before shipping.');
	const lines = (b.Lines || []).map((l) => shipLine(core, l));
	if (f.Ship.Status === 'AUTHORISED') {
		if (!bool(b.AddTrackingNumbers) && b.AddTrackingNumbers !== true) err(400, 'Shipment is already authorised. Send AddTrackingNumbers: true to change tracking.');
		for (const l of lines) {
			const ex = f.Ship.Lines.find((x) => ci(x.Boxes, l.Boxes));
			if (ex) Object.assign(ex, { TrackingNumber: l.TrackingNumber, TrackingURL: l.TrackingURL, Carrier: l.Carrier || ex.Carrier }); else f.Ship.Lines.push(l);
		}
	} else {
		const auth = status === 'AUTHORISED' || (lines.length > 0 && lines.every((l) => l.IsShipped));
		f.Ship = { Status: auth ? 'AUTHORISED' : status, RequireBy: b.RequireBy || f.Ship.RequireBy, ShippingAddress: b.ShippingAddress || f.Ship.ShippingAddress, ShippingNotes: b.ShippingNotes || f.Ship.ShippingNotes, Lines: lines.length ? lines : f.Ship.Lines };
		if (auth) shipStock(core, s, 1);
	}
	touch(s);
	return { status: 200, body: { TaskID: f.TaskID, ...f.Ship } };
}
function postInvoice(ctx) {
	const core = ctx.state;
	const b = ctx.body || {};
	const s = saleFor(core, b.SaleID);
	if (!s.Order || s.Order.Status !== 'AUTHORISED' || s._voided) err(400, 'Order should be authorised before invoicing.');
	const st = String(b.Status || 'DRAFT').toUpperCase();
	let inv = b.TaskID && b.TaskID !== EMPTY_GUID ? s.Invoices.find((i) => i.TaskID === b.TaskID) : null;
	if (inv && inv.Status !== 'DRAFT') err(400, 'Invoice is already authorised.');
	if (!inv && s.Type === 'Simple Sale' && s.Invoices.length && (!b.TaskID || b.TaskID !== EMPTY_GUID)) inv = s.Invoices[0].Status === 'DRAFT' ? s.Invoices[0] : null;
	if (inv) {
		if (b.Lines !== undefined) inv.Lines = resolveLines(core, b.Lines, 'invoice');
		Object.assign(inv, { Status: st, InvoiceDate: b.InvoiceDate || inv.InvoiceDate, InvoiceDueDate: b.InvoiceDueDate || inv.InvoiceDueDate });
		totals(inv);
	} else inv = makeInvoice(core, s, { ...b, Status: st });
	touch(s);
	return { status: 200, body: { SaleID: s.ID, ...inv } };
}
function postPayment(ctx) {
	const core = ctx.state;
	const b = ctx.body || {};
	const s = b.SaleID ? saleFor(core, b.SaleID) : taskFor(core, b.TaskID);
	const type = String(b.Type || 'PAYMENT').toUpperCase();
	const amount = Number(b.Amount);
	if (!(amount > 0)) err(400, 'Amount should be greater than 0.');
	let doc;
	if (type === 'REFUND') {
		doc = s.CreditNotes.find((c) => c.TaskID === b.TaskID) || s.CreditNotes.find((c) => c.Status === 'AUTHORISED');
		if (!doc || doc.Status !== 'AUTHORISED') err(400, 'Refunds need an authorised credit note.');
		doc.Refunds.push({ ID: core.rng.guid(), Type: type, Reference: b.Reference || '', Amount: amount, DatePaid: b.DatePaid || coreDate(Date.now(), false), Account: b.Account || '1100' });
	} else {
		doc = s.Invoices.find((i) => i.TaskID === b.TaskID) || s.Invoices.find((i) => i.Status === 'AUTHORISED');
		if (!doc || !['AUTHORISED', 'PAID'].includes(doc.Status)) err(400, 'Payments need an authorised invoice.');
		doc.Payments.push({ ID: core.rng.guid(), Type: type, Reference: b.Reference || '', Amount: amount, DatePaid: b.DatePaid || coreDate(Date.now(), false), Account: b.Account || '1100', CurrencyRate: b.CurrencyRate || 1 });
	}
	touch(s);
	return { status: 200, body: paymentsBody(s) };
}
function paymentsBody(s) {
	return { SaleID: s.ID, Invoices: s.Invoices.map((i) => ({ TaskID: i.TaskID, InvoiceNumber: i.InvoiceNumber, Payments: i.Payments })), CreditNotes: s.CreditNotes.map((c) => ({ TaskID: c.TaskID, CreditNoteNumber: c.CreditNoteInvoiceNumber, Refunds: c.Refunds })) };
}
function postCredit(ctx) {
	const core = ctx.state;
	const b = ctx.body || {};
	const s = saleFor(core, b.SaleID);
	if (!s.Invoices.some((i) => ['AUTHORISED', 'PAID'].includes(i.Status))) err(400, 'A credit note needs an authorised invoice.');
	const cn = makeCredit(core, s, { ...b, Lines: b.Lines || [], Status: String(b.Status || 'DRAFT').toUpperCase() });
	if (cn.Status === 'AUTHORISED') for (const r of cn.Restock) {
		const p = (r.ProductID && core.productById.get(r.ProductID)) || core.productBySku.get(String(r.SKU || '').toLowerCase());
		if (p) adjust(core, p.ID, r.Location || s.Location, Number(r.Quantity || 0), 0);
	}
	touch(s);
	return { status: 200, body: { SaleID: s.ID, ...cn } };
}

/** Returns a response, or null when the path is not a sale route. */
function handle(ctx) {
	const core = ctx.state;
	const m = ctx.method;
	const not = () => err(405, `The requested resource does not support http method '${m}'.`);
	switch (ctx.sub) {
		case '/salelist': return m === 'GET' ? listSales(ctx, false) : not();
		case '/salecreditnotelist': return m === 'GET' ? listSales(ctx, true) : not();
		case '/sale':
			if (m === 'GET') return { status: 200, body: publicSale(saleFor(core, ctx.q.id)) };
			if (m === 'POST') return createSale(ctx);
			if (m === 'PUT') return updateSale(ctx);
			if (m === 'DELETE') return voidSale(ctx);
			return not();
		case '/sale/quote':
			if (m === 'GET') { const s = saleFor(core, ctx.q.saleid); return { status: 200, body: { SaleID: s.ID, ...s.Quote } }; }
			return m === 'POST' || m === 'PUT' ? postQuote(ctx) : not();
		case '/sale/order':
			if (m === 'GET') { const s = saleFor(core, ctx.q.saleid); return { status: 200, body: { SaleID: s.ID, ...(s.Order || { Status: 'NOT AVAILABLE', Lines: [] }), Status: s.OrderStatus } }; }
			return m === 'POST' || m === 'PUT' ? postOrder(ctx, m === 'PUT') : not();
		case '/sale/fulfilment':
			if (m === 'GET') return { status: 200, body: fulfilmentBody(saleFor(core, ctx.q.saleid)) };
			if (m === 'POST') {
				const s = saleFor(core, (ctx.body || {}).SaleID);
				if (!s.Order || s.Order.Status !== 'AUTHORISED') err(400, 'Order should be authorised first.');
				s.Type = 'Advanced Sale';
				const f = addFulfilment(core, s, null);
				touch(s);
				return { status: 200, body: f };
			}
			return not();
		case '/sale/fulfilment/pick': return m === 'POST' || m === 'PUT' ? pickPackShip(ctx, 'pick') : not();
		case '/sale/fulfilment/pack': return m === 'POST' || m === 'PUT' ? pickPackShip(ctx, 'pack') : not();
		case '/sale/fulfilment/ship': return m === 'POST' || m === 'PUT' ? pickPackShip(ctx, 'ship') : not();
		case '/sale/invoice':
			if (m === 'GET') { const s = saleFor(core, ctx.q.saleid); return { status: 200, body: { SaleID: s.ID, Invoices: s.Invoices } }; }
			return m === 'POST' || m === 'PUT' ? postInvoice(ctx) : not();
		case '/sale/payment':
			if (m === 'GET') return { status: 200, body: paymentsBody(saleFor(core, ctx.q.saleid)) };
			return m === 'POST' ? postPayment(ctx) : not();
		case '/sale/creditnote':
			if (m === 'GET') { const s = saleFor(core, ctx.q.saleid); return { status: 200, body: { SaleID: s.ID, CreditNotes: s.CreditNotes } }; }
			return m === 'POST' ? postCredit(ctx) : not();
		default: return null;
	}
}

function mutate(core, body) {
	const s = core.saleById.get(body.id) || core.sales.find((x) => (body.externalId && x.ExternalID === body.externalId) || (body.orderNumber && x.Order && x.Order.SaleOrderNumber === body.orderNumber));
	if (!s) throw Object.assign(new Error('sale not found (give id, externalId or orderNumber)'), { status: 404 });
	for (const [k, v] of Object.entries(body.patch || {})) if (k !== 'ID' && k[0] !== '_') s[k] = v;
	touch(s);
	return publicSale(s);
}

module.exports = { prepare, handle, publicSale, listRow, mutate };
