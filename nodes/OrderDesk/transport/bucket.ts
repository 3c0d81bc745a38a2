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

class Bucket {
	private tokens: number;
	private at: number;
	/** Requests granted and not answered yet: the header of an answer does not count them. */
	private inFlight = 0;
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

	/** Resolves, with the grant time, when a request may be sent; requests are granted in arrival order. */
	take(): Promise<number> {
		const turn = this.queue.then(async () => {
			for (;;) {
				const now = clock.now();
				this.refill(now);
				if (this.tokens >= this.needed()) {
					this.tokens -= 1;
					this.inFlight++;
					return now;
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
	 * An answer to a request granted at `grantedAt` arrived. `remaining` is what the store's bucket
	 * held when Order Desk handled it, in whole tokens, some time between the grant and now. At most
	 * that plus one (the cut fraction) plus the refill since the grant is left now, minus the
	 * requests still on their way: when that is below the model, someone else spends the store's
	 * tokens and the model follows. The header never raises the model, and a bound taken this
	 * loosely never drags it down for the request's own latency (which would pace at one request
	 * per latency + refill interval instead of one per refill interval).
	 */
	answered(remaining: number | undefined, grantedAt: number) {
		this.inFlight = Math.max(0, this.inFlight - 1);
		if (remaining === undefined) return;
		const now = clock.now();
		this.refill(now);
		const refilledSince = (Math.max(0, now - grantedAt) / 1000) * this.limits.refillPerSecond;
		const atMost = remaining + 1 + refilledSince - this.inFlight;
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

/** Waits for a token of the store's bucket; the grant time. Pair every call with `returnAnswer`. */
export async function takeToken(key: string, limits: BucketLimits): Promise<number> {
	return await bucketOf(key, limits).take();
}

/** Reports an answer (or a failure, with `remaining` undefined) for a token granted at `grantedAt`. */
export function returnAnswer(key: string, limits: BucketLimits, remaining: number | undefined, grantedAt: number): void {
	bucketOf(key, limits).answered(remaining, grantedAt);
}

/** Test hook: forget every store's bucket. */
export function resetBuckets(): void {
	buckets.clear();
}
