import type { Json, RunResult, Sandbox } from '../harness/n8n';

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
}

export interface CheckContext {
	sandbox: Sandbox;
	workflow: Json;
	/** Scratch space shared between the phases of one template's check. */
	memo: Json;
}
