import { clock } from '../../shared/clock';

/**
 * Order Desk throttles each store with a leaky bucket (docs/architecture.md, "Transport"): a burst
 * of `capacity` requests, then `refillPerSecond`. This model spends a token per request and waits
 * for one when the bucket is empty, and every answer's `X-Tokens-Remaining` corrects it, so
 * requests made elsewhere for the same store (Order Desk's own integrations, other workflows)
 * slow us down instead of being throttled. One bucket per store per n8n process.
 */
/**
 * Order Desk counts a request when it arrives, this model when it is granted; arrival delays vary,
 * so two requests may land closer together than they were granted. One token stays in reserve and
 * the refill is assumed 2 % slower than documented, so such jitter never empties the store's
 * bucket (a throttle costs a wait of X-Retry-After, far more than this margin).
 */
const RESERVE_TOKENS = 1;
const REFILL_SHARE = 0.98;

export interface BucketLimits {
	capacity: number;
	refillPerSecond: number;
}

/** A granted token: when, and its place among the store's grants. */
export interface Grant {
	at: number;
	seq: number;
}

class Bucket {
	private tokens: number;
	private at: number;
	/** Requests granted and not answered yet, by grant order. */
	private readonly inFlight = new Set<number>();
	private granted = 0;
	private queue: Promise<void> = Promise.resolve();

	constructor(private limits: BucketLimits) {
		this.tokens = limits.capacity;
		this.at = clock.now();
	}

	update(limits: BucketLimits) {
		this.limits = limits;
	}

	private rate(): number {
		return this.limits.refillPerSecond * REFILL_SHARE;
	}

	/** Tokens needed before a grant: a bucket smaller than the reserve still lets one through. */
	private needed(): number {
		return this.limits.capacity > RESERVE_TOKENS ? 1 + RESERVE_TOKENS : 1;
	}

	private refill(now: number) {
		const elapsed = Math.max(0, now - this.at) / 1000;
		this.tokens = Math.min(this.limits.capacity, this.tokens + elapsed * this.rate());
		this.at = now;
	}

	/** Resolves, with the grant, when a request may be sent; requests are granted in arrival order. */
	take(): Promise<Grant> {
		const turn = this.queue.then(async () => {
			for (;;) {
				const now = clock.now();
				this.refill(now);
				if (this.tokens >= this.needed()) {
					this.tokens -= 1;
					const seq = ++this.granted;
					this.inFlight.add(seq);
					return { at: now, seq };
				}
				await clock.sleep(Math.ceil(((this.needed() - this.tokens) / this.rate()) * 1000));
			}
		});
		this.queue = turn.then(
			() => undefined,
			() => undefined,
		);
		return turn;
	}

	/**
	 * An answer to `grant` arrived. `remaining` is what the store's bucket held when Order Desk
	 * handled it, in whole tokens, some time between the grant and now. At most that plus one (the
	 * cut fraction) plus the refill since the grant is left now, minus the requests granted after
	 * it that are still on their way (they may not have reached Order Desk yet; those granted before
	 * it reached it first and are in `remaining` already, so subtracting them too would pull the
	 * model a few tokens under the store for every request in flight, and pace below the refill).
	 * When that is below the model, someone else spends the store's tokens and the model follows.
	 * The header never raises the model, and a bound taken this loosely never drags it down for the
	 * request's own latency (which would pace at one request per latency + refill interval instead
	 * of one per refill interval).
	 */
	answered(remaining: number | undefined, grant: Grant) {
		this.inFlight.delete(grant.seq);
		if (remaining === undefined) return;
		const now = clock.now();
		this.refill(now);
		const refilledSince = (Math.max(0, now - grant.at) / 1000) * this.limits.refillPerSecond;
		let grantedLater = 0;
		for (const seq of this.inFlight) if (seq > grant.seq) grantedLater++;
		const atMost = remaining + 1 + refilledSince - grantedLater;
		this.tokens = Math.min(this.tokens, Math.max(0, atMost));
	}
}

const buckets = new Map<string, Bucket>();

function bucketOf(key: string, limits: BucketLimits): Bucket {
	let bucket = buckets.get(key);
	if (!bucket) {
		bucket = new Bucket(limits);
		buckets.set(key, bucket);
	} else {
		bucket.update(limits);
	}
	return bucket;
}

/** Waits for a token of the store's bucket; the grant. Pair every call with `returnAnswer`. */
export async function takeToken(key: string, limits: BucketLimits): Promise<Grant> {
	return await bucketOf(key, limits).take();
}

/** Reports an answer (or a failure, with `remaining` undefined) for a granted token. */
export function returnAnswer(key: string, limits: BucketLimits, remaining: number | undefined, grant: Grant): void {
	bucketOf(key, limits).answered(remaining, grant);
}

/** Test hook: forget every store's bucket. */
export function resetBuckets(): void {
	buckets.clear();
}
