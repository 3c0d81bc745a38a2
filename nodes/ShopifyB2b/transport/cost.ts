import type { IDataObject } from 'n8n-workflow';

import { clock } from '../../shared/clock';

/**
 * Shopify's GraphQL limit is a leaky bucket of cost points per app and shop (docs/architecture.md,
 * "Transport"): every answer reports the points left and the restore rate, and a call that asks for
 * more than are left is answered THROTTLED. Calls therefore wait here for the points they are
 * expected to cost (what the same document cost last time), not by a count of requests.
 */
interface Bucket {
	available: number;
	maximum: number;
	restoreRate: number;
	at: number;
}

const buckets = new Map<string, Bucket>();
/** Points each document asked for last time, by shop and document. */
const expected = new Map<string, number>();
/** A document not seen yet is assumed to cost this many points (a mutation costs 10). */
const FIRST_GUESS = 10;

export interface ThrottleStatus {
	maximumAvailable: number;
	currentlyAvailable: number;
	restoreRate: number;
}

/** The `extensions.cost` of an answer, when it has one. */
export function costOf(body: unknown): { requested?: number; throttle?: ThrottleStatus } {
	const cost = ((body as IDataObject | undefined)?.extensions as IDataObject | undefined)?.cost as IDataObject | undefined;
	if (!cost) return {};
	const t = cost.throttleStatus as IDataObject | undefined;
	const throttle =
		t && Number.isFinite(Number(t.currentlyAvailable)) && Number(t.restoreRate) > 0
			? { maximumAvailable: Number(t.maximumAvailable), currentlyAvailable: Number(t.currentlyAvailable), restoreRate: Number(t.restoreRate) }
			: undefined;
	const requested = Number(cost.requestedQueryCost);
	return { requested: Number.isFinite(requested) ? requested : undefined, throttle };
}

function availableNow(b: Bucket, now: number): number {
	return Math.min(b.maximum, b.available + ((now - b.at) / 1000) * b.restoreRate);
}

/** How long a call of this document must wait for its points (0 when the bucket has them or is unknown). */
export function waitMsFor(shop: string, document: string): number {
	const b = buckets.get(shop);
	if (!b) return 0;
	const needed = Math.min(b.maximum, expected.get(`${shop}|${document}`) ?? FIRST_GUESS);
	const missing = needed - availableNow(b, clock.now());
	return missing > 0 ? Math.ceil((missing / b.restoreRate) * 1000) : 0;
}

/** Waits until the bucket should hold the points this document costs. */
export async function waitForPoints(shop: string, document: string): Promise<void> {
	const ms = waitMsFor(shop, document);
	if (ms > 0) await clock.sleep(ms);
}

/** Learns the bucket and the document's cost from an answer (THROTTLED ones included). */
export function recordCost(shop: string, document: string, body: unknown): { requested?: number; throttle?: ThrottleStatus } {
	const cost = costOf(body);
	if (cost.requested !== undefined) expected.set(`${shop}|${document}`, cost.requested);
	if (cost.throttle) {
		buckets.set(shop, {
			available: cost.throttle.currentlyAvailable,
			maximum: cost.throttle.maximumAvailable || cost.throttle.currentlyAvailable,
			restoreRate: cost.throttle.restoreRate,
			at: clock.now(),
		});
	}
	return cost;
}

/** Before Shopify has answered once, the credential's plan rate stands in for the restore rate. */
export function seedBucket(shop: string, pointsPerSecond: number): void {
	if (buckets.has(shop)) return;
	buckets.set(shop, { available: pointsPerSecond * 10, maximum: pointsPerSecond * 10, restoreRate: pointsPerSecond, at: clock.now() });
}

/** Test hook: forget every shop's bucket and costs. */
export function resetCostBuckets(): void {
	buckets.clear();
	expected.clear();
}
