import { clock } from './clock';

/**
 * Spaces calls to one vendor account under its documented limits: a minimum interval between
 * calls and a sliding one-minute window. One pacer per account per n8n process, so every node and
 * trigger in the process shares the budget; separate processes (queue-mode workers) rely on the
 * transport's backoff when the vendor throttles.
 */
export interface PacingLimits {
	/** Calls allowed in any 60-second window. */
	perMinute: number;
	/** Calls allowed in any 1-second window (Cin7 Omni: 3). */
	perSecond?: number;
}

class Pacer {
	private readonly recent: number[] = [];
	private queue: Promise<void> = Promise.resolve();

	constructor(private limits: PacingLimits) {}

	update(limits: PacingLimits) {
		this.limits = limits;
	}

	/** Resolves when a call may be sent; calls are granted strictly in arrival order. */
	acquire(): Promise<void> {
		const turn = this.queue.then(async () => this.waitForSlot());
		this.queue = turn.catch(() => undefined);
		return turn;
	}

	private async waitForSlot(): Promise<void> {
		for (;;) {
			const now = clock.now();
			while (this.recent.length && now - this.recent[0] >= 60_000) this.recent.shift();
			let waitMs = 0;
			if (this.recent.length >= this.limits.perMinute) {
				waitMs = this.recent[this.recent.length - this.limits.perMinute] + 60_000 - now;
			}
			const perSecond = this.limits.perSecond;
			if (perSecond && this.recent.length >= perSecond) {
				waitMs = Math.max(waitMs, this.recent[this.recent.length - perSecond] + 1_000 - now);
			}
			if (waitMs <= 0) {
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
