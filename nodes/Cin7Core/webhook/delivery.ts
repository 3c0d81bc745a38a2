import { createHash, timingSafeEqual } from 'crypto';
import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { clock } from '../../shared/clock';
import { eventOf, idsOf, recordsOf, stableJson, STOCK_EVENT } from './events';
import { fetchFullRecord } from './fullRecord';
import type { WebhookState } from './registration';
import { deliveredSkus, readStockSettings, stockChanges } from './stock';

/**
 * Cin7 Core retries a failed delivery for about 76 minutes (1, +5, +10, +15, +20, +25 min), so a
 * delivery seen within two hours may come again; older keys are dropped, and at most this many kept.
 */
const DEDUPE_WINDOW_MS = 2 * 3600_000;
const DEDUPE_MAX_KEYS = 500;

const sha256 = (text: string) => createHash('sha256').update(text).digest();


/** Whether the request carries our secret as its bearer token (compared in constant time). */
export function hasSecret(authorization: unknown, secret: string | undefined): boolean {
	if (!secret || typeof authorization !== 'string') return false;
	return timingSafeEqual(sha256(authorization.trim()), sha256(`Bearer ${secret}`));
}

/** 401 with nothing started: a request without our secret is not Cin7 Core's (or not for us). */
function refuse(ctx: IWebhookFunctions): IWebhookResponseData {
	const res = ctx.getResponseObject();
	res.writeHead(401, { 'Content-Type': 'application/json', 'WWW-Authenticate': 'Bearer realm="Cin7 Core webhook"' });
	res.end(JSON.stringify({ message: 'Authorization is required' }));
	return { noWebhookResponse: true };
}

/**
 * Answers 200 (so Cin7 Core does not retry) before n8n starts the run, if any. n8n saves what a
 * webhook wrote to its static data (delivery keys, last delivery) when it answers; left to n8n, an
 * onReceived answer comes after the run has started, which reloads the static data, and those
 * writes are lost. Answering here keeps them.
 */
function answer(ctx: IWebhookFunctions, body: IDataObject, items?: IDataObject[]): IWebhookResponseData {
	const res = ctx.getResponseObject();
	res.writeHead(200, { 'Content-Type': 'application/json' });
	res.end(JSON.stringify(body));
	return items ? { noWebhookResponse: true, workflowData: [ctx.helpers.returnJsonArray(items)] } : { noWebhookResponse: true };
}

/** Received, and nothing to start. */
function nothingToRun(ctx: IWebhookFunctions, why: string, count: number): IWebhookResponseData {
	return answer(ctx, { received: true, started: false, reason: why, records: count });
}

interface Keyed {
	key: string;
	json: IDataObject;
}

/** The key of one delivered record: its event, its id fields, its content and (fetched) its version. */
function keyOf(type: string, record: IDataObject, version?: string): string {
	const content = createHash('sha256').update(stableJson(record)).digest('hex');
	return createHash('sha256')
		.update(`${type}|${idsOf(record)}|${content}|${version ?? ''}`)
		.digest('hex');
}

/** The recent keys, expired ones dropped. */
function recentKeys(state: WebhookState, now: number): Record<string, number> {
	const stored = (state.deliveryKeys ?? {}) as Record<string, number>;
	const kept: Record<string, number> = {};
	for (const [k, at] of Object.entries(stored)) if (now - Number(at) < DEDUPE_WINDOW_MS) kept[k] = Number(at);
	return kept;
}

function rememberKeys(state: WebhookState, keys: Record<string, number>, added: string[], now: number): void {
	for (const k of added) keys[k] = now;
	const entries = Object.entries(keys).sort((a, b) => a[1] - b[1]);
	state.deliveryKeys = Object.fromEntries(entries.slice(-DEDUPE_MAX_KEYS));
}

/**
 * One delivery from Cin7 Core: checked against our secret, split into records, redeliveries
 * dropped, each record read in full when asked (stock: available to sell per SKU, only SKUs whose
 * figure changed), and a gap found on re-activation added to the items.
 */
export async function receiveDelivery(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const state = this.getWorkflowStaticData('node') as WebhookState;
	if (!hasSecret(this.getHeaderData().authorization, state.secret)) return refuse(this);

	const now = clock.now();
	state.lastDeliveryAt = new Date(now).toISOString();
	const type = eventOf(this.getNodeParameter('event') as string)?.type ?? String(this.getNodeParameter('event'));
	const event = eventOf(type);
	const records = recordsOf(type, this.getRequestObject().body);
	if (!records.length) return nothingToRun(this, 'empty payload', 0);

	const fetch = event?.fullRecord !== undefined && (this.getNodeParameter('fetchFullRecord', true) as boolean);
	const rc = this;
	const keys = recentKeys(state, now);
	const fresh: Keyed[] = [];
	for (const record of records) {
		let json = record;
		let version: string | undefined;
		if (fetch && event?.fullRecord && event.fullRecord !== 'stock') {
			const full = await fetchFullRecord(rc, event.fullRecord, record);
			if (full) ({ json, version } = full);
		}
		const key = keyOf(type, record, version);
		if (keys[key] !== undefined || fresh.some((f) => f.key === key)) continue;
		fresh.push({ key, json });
	}
	if (!fresh.length) {
		rememberKeys(state, keys, [], now);
		return nothingToRun(this, 'redelivery of records already received', records.length);
	}

	let items: IDataObject[] = fresh.map((f) => f.json);
	if (fetch && type === STOCK_EVENT) {
		const settings = await readStockSettings(this, rc);
		items = await stockChanges(rc, state, settings, deliveredSkus(items, settings));
	}
	rememberKeys(state, keys, fresh.map((f) => f.key), now);
	if (!items.length) return nothingToRun(this, 'available to sell unchanged', records.length);

	const gap = state.pendingGap;
	if (gap) {
		items = items.map((json) => ({ ...json, webhookGap: gap }));
		delete state.pendingGap;
	}
	return answer(this, { received: true, started: true, records: records.length, items: items.length }, items);
}
