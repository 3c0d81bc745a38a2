/**
 * Daily call budget per vendor account (Cin7 Omni locks an API connection out after 5,000 calls a
 * day). Counted per UTC day in this n8n process; it warns once past the warning share and refuses
 * calls past the stop share, so a runaway sync stops with a clear error instead of locking the
 * account for every other integration.
 */
export interface DailyBudget {
	limit: number;
	warnRatio: number;
	stopRatio: number;
}

interface Usage {
	day: string;
	calls: number;
	warned: boolean;
}

const usage = new Map<string, Usage>();

export type BudgetVerdict = { ok: true; warn?: string } | { ok: false; reason: string };

export function spendDailyCall(accountKey: string, budget: DailyBudget, nowMs: number): BudgetVerdict {
	const day = new Date(nowMs).toISOString().slice(0, 10);
	let entry = usage.get(accountKey);
	if (!entry || entry.day !== day) {
		entry = { day, calls: 0, warned: false };
		usage.set(accountKey, entry);
	}
	const stopAt = Math.floor(budget.limit * budget.stopRatio);
	if (entry.calls >= stopAt) {
		return {
			ok: false,
			reason: `Daily API budget reached: ${entry.calls} of ${budget.limit} calls used today (UTC). Calls stop at ${stopAt} so the account is not locked out; they resume after midnight UTC, or raise the budget in the credential if your plan allows more.`,
		};
	}
	entry.calls += 1;
	const warnAt = Math.floor(budget.limit * budget.warnRatio);
	if (!entry.warned && entry.calls >= warnAt) {
		entry.warned = true;
		return { ok: true, warn: `${entry.calls} of ${budget.limit} daily API calls used today (UTC).` };
	}
	return { ok: true };
}

export function dailyCallsUsed(accountKey: string): number {
	return usage.get(accountKey)?.calls ?? 0;
}

export function resetBudgets(): void {
	usage.clear();
}
