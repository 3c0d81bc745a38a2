import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

/**
 * What the Sales Data upload remembers per order (docs/architecture.md, "Idempotency"): Emarsys
 * appends every line it receives and never de-duplicates, so the node keeps, in the workflow's
 * static data, a hash of each order version it sent and the net quantity and price per item.
 * The same version is never sent again; a changed order sends only the difference per item
 * (a refund or a removed line comes out as negative lines).
 */
export interface OrderMemory extends IDataObject {
	/** Hash of the order version sent last. */
	h: string;
	/** item → [net quantity, net price] sent so far. */
	t: IDataObject;
	/** When it was last sent (ms), for forgetting old orders. */
	at: number;
}

export type Totals = Map<string, { quantity: number; price: number }>;

const round = (n: number) => Number(n.toFixed(4));

export function orderHash(customer: string, totals: Totals): string {
	const lines = [...totals.entries()]
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
		.map(([item, t]) => `${item}\u0000${round(t.quantity)}\u0000${round(t.price)}`);
	return createHash('sha1').update([customer, ...lines].join('\u0001')).digest('hex');
}

/** Net per item minus what was sent before: the lines that bring Emarsys to this version. */
export function difference(totals: Totals, sent: IDataObject | undefined): Totals {
	const out: Totals = new Map();
	const before = (sent ?? {}) as Record<string, [number, number]>;
	for (const item of new Set([...totals.keys(), ...Object.keys(before)])) {
		const now = totals.get(item) ?? { quantity: 0, price: 0 };
		const [q, p] = before[item] ?? [0, 0];
		const delta = { quantity: round(now.quantity - q), price: round(now.price - p) };
		if (delta.quantity !== 0 || delta.price !== 0) out.set(item, delta);
	}
	return out;
}

export function remember(totals: Totals, hash: string, nowMs: number): OrderMemory {
	const t: IDataObject = {};
	for (const [item, v] of totals) t[item] = [round(v.quantity), round(v.price)];
	return { h: hash, t, at: nowMs };
}

/** Forgets orders not sent for `days` days, so static data stays bounded. */
export function forgetOld(memory: IDataObject, nowMs: number, days: number): void {
	const before = nowMs - days * 86_400_000;
	for (const [order, m] of Object.entries(memory)) {
		if (Number((m as OrderMemory)?.at ?? 0) < before) delete memory[order];
	}
}
