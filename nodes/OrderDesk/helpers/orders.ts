import type { IDataObject } from 'n8n-workflow';

/** A single-record answer wraps the record (`{status, order: {...}}`); some answers are the record. */
export function recordOf(body: IDataObject, key: string): IDataObject {
	const inner = body?.[key];
	return inner && typeof inner === 'object' && !Array.isArray(inner) ? (inner as IDataObject) : body;
}

const isPlainObject = (v: unknown): v is IDataObject => !!v && typeof v === 'object' && !Array.isArray(v);

/**
 * Order items changed by id, new ones (no id, or an id the order does not have) appended: the
 * order keeps every item it had.
 */
function mergeItems(current: unknown, changes: unknown[]): IDataObject[] {
	const items = (Array.isArray(current) ? current : []).map((i) => ({ ...(i as IDataObject) }));
	for (const change of changes) {
		if (!isPlainObject(change)) continue;
		const at = change.id === undefined || change.id === null ? -1 : items.findIndex((i) => String(i.id) === String(change.id));
		if (at >= 0) items[at] = mergeObject(items[at], change);
		else items.push({ ...change });
	}
	return items;
}

/** Keys of `changes` over `current`; nested objects merged key by key (never replaced whole). */
function mergeObject(current: IDataObject, changes: IDataObject): IDataObject {
	const out: IDataObject = { ...current };
	for (const [key, value] of Object.entries(changes)) {
		if (value === undefined) continue;
		const before = out[key];
		out[key] = isPlainObject(value) && isPlainObject(before) ? mergeObject(before, value) : (value as IDataObject[string]);
	}
	return out;
}

/**
 * The whole order to PUT: Order Desk's PUT replaces the order, so what is not sent is lost.
 * Top-level fields are replaced, object fields (shipping, customer, checkout_data, order_metadata,
 * …) merged key by key, and `order_items` merged by item id (docs/architecture.md, "Idempotency").
 */
export function mergeOrder(current: IDataObject, changes: IDataObject): IDataObject {
	const { order_items: items, ...rest } = changes;
	const merged = mergeObject(current, rest);
	if (items !== undefined) merged.order_items = mergeItems(current.order_items, Array.isArray(items) ? items : [items]);
	return merged;
}
