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

	/** Resolves when a request may be sent; requests are granted in arrival order. */
	take(): Promise<void> {
		const turn = this.queue.then(async () => {
			for (;;) {
				this.refill(clock.now());
				if (this.tokens >= this.needed()) {
					this.tokens -= 1;
					this.inFlight++;
					return;
				}
				await clock.sleep(Math.ceil(((this.needed() - this.tokens) / this.rate()) * 1000));
			}
		});
		this.queue = turn.catch(() => undefined);
		return turn;
	}

	/**
	 * An answer arrived. `remaining` is what the store's bucket held when Order Desk answered; the
	 * model takes it when it is lower (someone else spends tokens) and never trusts it for more than
	 * it computes itself, minus the requests still on their way.
	 */
	answered(remaining: number | undefined) {
		this.inFlight = Math.max(0, this.inFlight - 1);
		if (remaining === undefined) return;
		this.refill(clock.now());
		this.tokens = Math.min(this.tokens, Math.max(0, remaining - this.inFlight));
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

/** Waits for a token of the store's bucket. Pair every call with `returnAnswer`. */
export async function takeToken(key: string, limits: BucketLimits): Promise<void> {
	await bucketOf(key, limits).take();
}

/** Reports an answer (or a failure, with `remaining` undefined) for a token taken before. */
export function returnAnswer(key: string, limits: BucketLimits, remaining: number | undefined): void {
	bucketOf(key, limits).answered(remaining);
}

/** Test hook: forget every store's bucket. */
export function resetBuckets(): void {
	buckets.clear();
}
