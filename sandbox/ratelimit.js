'use strict';
// Sliding-window rate limiter. Documented vendor windows are divided by the time-scale factor:
// with timeScale 60 a "minute" lasts one real second, a "day" 24 real minutes. The windows come from
// the caller: the server passes every registry entry's `rateLimits` (sandbox/systems.js), the one
// place they are written down. A key with no windows is not limited.

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const DAY = 24 * 60 * MINUTE;

class Window {
	constructor(limit, windowMs) {
		this.limit = limit;
		this.windowMs = windowMs;
		this.times = [];
		this.head = 0;
	}
	prune(now) {
		const cut = now - this.windowMs;
		while (this.head < this.times.length && this.times[this.head] <= cut) this.head++;
		if (this.head > 1024 && this.head * 2 > this.times.length) {
			this.times = this.times.slice(this.head);
			this.head = 0;
		}
	}
	count(now) { this.prune(now); return this.times.length - this.head; }
	/** ms until one more call would fit */
	waitMs(now) {
		this.prune(now);
		if (this.times.length - this.head < this.limit) return 0;
		return Math.max(1, this.times[this.times.length - this.limit] + this.windowMs - now);
	}
	add(now) { this.times.push(now); }
}

class RateLimiter {
	/**
	 * @param {{timeScale?: number, limits?: object, enabled?: boolean}} opts  limits: key → [{name, limit, windowMs}]
	 */
	constructor(opts = {}) {
		this.timeScale = Math.max(0.0001, Number(opts.timeScale) || 1);
		this.enabled = opts.enabled !== false;
		this.limits = { ...(opts.limits || {}) };
		this.buckets = new Map();
	}
	bucket(key) {
		let b = this.buckets.get(key);
		if (!b) {
			const defs = this.limits[key] || [];
			b = defs.map((d) => ({ name: d.name, w: new Window(d.limit, d.windowMs / this.timeScale), limit: d.limit, windowMs: d.windowMs }));
			this.buckets.set(key, b);
		}
		return b;
	}
	/**
	 * Try to take one call from the bucket. Returns {ok, retryAfterMs, window, limit, remaining, resetMs}.
	 */
	take(key, now = Date.now()) {
		const b = this.bucket(key);
		if (!this.enabled || !b.length) return { ok: true, remaining: Infinity, limit: Infinity, resetMs: 0 };
		let worst = null;
		for (const x of b) {
			const wait = x.w.waitMs(now);
			if (wait > 0 && (!worst || wait > worst.wait)) worst = { wait, x };
		}
		const primary = b[b.length > 1 ? 1 : 0];
		if (worst) {
			return { ok: false, retryAfterMs: worst.wait, window: worst.x.name, limit: worst.x.limit, remaining: 0, resetMs: worst.wait };
		}
		for (const x of b) x.w.add(now);
		const remaining = primary.limit - primary.w.count(now);
		const resetMs = primary.w.times.length > primary.w.head ? Math.max(0, primary.w.times[primary.w.head] + primary.w.windowMs - now) : 0;
		return { ok: true, remaining, limit: primary.limit, window: primary.name, resetMs };
	}
	reset() { this.buckets.clear(); }
}

module.exports = { RateLimiter, SECOND, MINUTE, DAY };
