import type { Json, N8n, RunResult, Sandbox } from '../harness/n8n';

/** Field-level assertions for one shipped template, run by test/e2e/templates.test.ts. */
export interface TemplateCheck {
	/** Optional changes to the sandbox before the first run (e.g. pin a SKU at 0). */
	prepare?(ctx: CheckContext): Promise<void>;
	/** Asserts the first run's output / the sandbox state after it. */
	afterFirstRun(ctx: CheckContext, run: RunResult): Promise<void>;
	/** Changes to the sandbox between the two runs (e.g. a SKU comes back in stock). */
	betweenRuns?(ctx: CheckContext): Promise<void>;
	/** Asserts the second run: nothing duplicated, changes detected. */
	afterSecondRun(ctx: CheckContext, run: RunResult): Promise<void>;
	/**
	 * Calls of this template's first run that are meant to fail (e.g. Cin7 Core's 400 on a sale
	 * with an unknown SKU, which the template routes to its error branch). Every other call must
	 * be answered.
	 */
	expectedFailure?(request: Json): boolean;
	/**
	 * Records the second run is meant to add, per `<system>.<collection>` (e.g. the one event
	 * fired for a SKU that came back in stock between the runs). Every other count stays put.
	 */
	secondRunAdds?(ctx: CheckContext): Record<string, number>;
}

export interface CheckContext {
	sandbox: Sandbox;
	workflow: Json;
	/** Scratch space shared between the phases of one template's check. */
	memo: Json;
	/**
	 * The suite's own n8n, for a check that also runs a variant of its template (another setting)
	 * without paying for a second n8n start.
	 */
	n8n?: N8n;
}
