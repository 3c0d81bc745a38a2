import { clock } from './clock';

/**
 * Spaces calls to one vendor account under its documented limits: a sliding one-minute window
 * (bursts allowed while it has room) and, for a per-second limit, an even interval between calls.
 * One pacer per account per n8n process, so every node and trigger in the process shares the
 * budget; separate processes (queue-mode workers) rely on the transport's backoff when the vendor
 * throttles.
 */
export interface PacingLimits {
	/** Calls allowed in any 60-second window (held 61.2 s, see `pacedWindowMs`). */
	perMinute: number;
	/** Calls allowed in any 1-second window (Cin7 Omni: 3): calls at least 1.25 s ÷ this apart. */
	perSecond?: number;
}

/**
 * A call is stamped here when it is granted, but the vendor counts it when it arrives, after a
 * network delay that differs from call to call (a new connection, a busy proxy, the vendor's own
 * queue). A call granted exactly one window after the call it replaces can then arrive inside the
 * vendor's window and be throttled. Every window is therefore held a little longer than
 * documented: 2 % (1.2 s of a minute, the throughput this costs) and at least 250 ms, so a
 * 1-second window holds 1.25 s. Throttles that still happen are retried by the transport.
 */
const WINDOW_MARGIN_SHARE = 0.02;
const MIN_WINDOW_MARGIN_MS = 250;
const MINUTE_MS = 60_000;
const SECOND_MS = 1_000;

/** A documented window as this pacer holds it. */
export function pacedWindowMs(windowMs: number): number {
	return windowMs + Math.max(MIN_WINDOW_MARGIN_MS, Math.round(windowMs * WINDOW_MARGIN_SHARE));
}

const PACED_MINUTE_MS = pacedWindowMs(MINUTE_MS);
const PACED_SECOND_MS = pacedWindowMs(SECOND_MS);

class Pacer {
	private readonly recent: number[] = [];
	/** When the last call was granted (its entry in `recent` may have been moved later since). */
	private lastGrant = Number.NEGATIVE_INFINITY;
	private queue: Promise<void> = Promise.resolve();

	constructor(private limits: PacingLimits) {}

	update(limits: PacingLimits) {
		this.limits = limits;
	}

	/** Resolves when a call may be sent; calls are granted strictly in arrival order. */
	acquire(): Promise<void> {
		this.restampLast(clock.now());
		const turn = this.queue.then(async () => this.waitForSlot());
		this.queue = turn.catch(() => undefined);
		return turn;
	}

	/**
	 * A flow asks for its next call once the previous one has been answered, so that call reached
	 * the vendor by now: count it from now rather than from when it was granted. A stall between
	 * the grant and the send (a slow connection, a busy process) then cannot squeeze a later call
	 * into the vendor's window. With calls running side by side, now may come before that call
	 * arrives; a later stamp is still never earlier than the grant, so nothing gets worse.
	 */
	private restampLast(now: number): void {
		const last = this.recent.length - 1;
		if (last >= 0 && this.recent[last] < now) this.recent[last] = now;
	}

	private async waitForSlot(): Promise<void> {
		for (;;) {
			const now = clock.now();
			while (this.recent.length && now - this.recent[0] >= PACED_MINUTE_MS) this.recent.shift();
			let waitMs = 0;
			if (this.recent.length >= this.limits.perMinute) {
				waitMs = this.recent[this.recent.length - this.limits.perMinute] + PACED_MINUTE_MS - now;
			}
			const perSecond = this.limits.perSecond;
			if (perSecond) {
				// Evenly spaced rather than in bursts: any perSecond + 1 calls in a row span a held
				// second, and no call waits at the edge of a second with others. Counted from the
				// grants: the interval's own margin (1.25 s ÷ 3 instead of 1 s ÷ 3) covers jitter,
				// and the time a call takes does not slow the next one down.
				waitMs = Math.max(waitMs, this.lastGrant + Math.ceil(PACED_SECOND_MS / perSecond) - now);
			}
			if (waitMs <= 0) {
				this.lastGrant = now;
				this.recent.push(now);
				// The window never needs more entries than the per-minute limit.
				if (this.recent.length > this.limits.perMinute) this.recent.shift();
				return;
			}
			await clock.sleep(waitMs);
		}
	}
}

const pacers = new Map<string, Pacer>();

export async function acquireCallSlot(accountKey: string, limits: PacingLimits): Promise<void> {
	let pacer = pacers.get(accountKey);
	if (!pacer) {
		pacer = new Pacer(limits);
		pacers.set(accountKey, pacer);
	} else {
		pacer.update(limits);
	}
	await pacer.acquire();
}

/** Test hook: forget every account's call history. */
export function resetPacers(): void {
	pacers.clear();
}
