'use strict';
// Order Desk's rate limit is a leaky bucket per store: 20 tokens, refilling 3 a second; a call takes
// one token, an empty bucket answers 429 with X-Retry-After, and every answer says how many tokens
// are left (X-Tokens-Remaining). The shared limiter (ratelimit.js) counts calls in sliding windows,
// so the bucket is written for it as the windows it implies: a call is allowed by the bucket exactly
// when, for every look-back W, the calls of the last W seconds are fewer than 20 + 3·W. Windows on
// a grid of W = k/3 s while the bucket refills (k ≤ 20), then sparser up to 5 minutes, enforce that
// within one call (the grid errs by at most one call in the caller's favour, so a client pacing on
// the documented bucket is never throttled). No dependencies, so sandbox/systems.js may require it.

/** The sliding windows (unscaled ms) equivalent to a leaky bucket of `capacity` refilling `perSecond`. */
function leakyBucketWindows(capacity = 20, perSecond = 3) {
	const out = [];
	const refillSteps = Math.ceil(capacity); // k tokens refill in k / perSecond seconds
	for (let k = 1; k <= refillSteps; k++) out.push({ name: `bucket+${k}`, limit: capacity + k, windowMs: Math.round((k * 1000) / perSecond) });
	for (const seconds of [10, 15, 20, 30, 60, 120, 300]) {
		if (seconds * 1000 > out[out.length - 1].windowMs) out.push({ name: `bucket@${seconds}s`, limit: capacity + Math.floor(perSecond * seconds), windowMs: seconds * 1000 });
	}
	return out;
}

/**
 * The bucket's level as the store sees it, for X-Tokens-Remaining: drains `perSecond` × timeScale
 * per real second, one token per accepted call.
 */
class LeakyBucket {
	constructor(capacity = 20, perSecond = 3) {
		this.capacity = capacity;
		this.perSecond = perSecond;
		this.used = 0;
		this.at = 0;
	}
	refill(now, timeScale) {
		if (this.at) this.used = Math.max(0, this.used - ((now - this.at) / 1000) * this.perSecond * timeScale);
		this.at = now;
	}
	/** Take a token for an accepted call; returns the tokens left (whole, never negative). */
	take(now, timeScale) {
		this.refill(now, timeScale);
		this.used = Math.min(this.capacity, this.used + 1);
		return this.remaining();
	}
	remaining() { return Math.max(0, Math.floor(this.capacity - this.used)); }
}

module.exports = { leakyBucketWindows, LeakyBucket };
