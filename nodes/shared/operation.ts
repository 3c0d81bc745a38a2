import type { IBinaryKeyData, IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { errorItem, toItems, withItemIndex, type ItemResult } from './items';
import { runItemsInFlight } from './inFlight';

/**
 * The one operation contract of this package (docs/architecture.md, "Operations"). An operation is
 * one file exporting its `description` and either
 * - `execute(itemIndex)`: one input item in, its output rows out; the router loops, pairs every
 *   row with its item and turns a throw into that item's error; or
 * - `executeBatch()`: all input items together (batch writes, lookups shared by many items); it
 *   returns one outcome per input item and the router emits them the same way.
 */
export interface ItemOperation {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult>;
	/**
	 * Items on their way at once (default 1, one at a time), for a vendor whose transport paces a
	 * burst (inFlight.ts); `lane` names the record an item writes, so items on one record never overlap.
	 */
	inFlight?: number;
	lane?(this: IExecuteFunctions, itemIndex: number): string | undefined;
}

export interface BatchOperation {
	description: INodeProperties[];
	executeBatch(this: IExecuteFunctions): Promise<ItemOutcomes>;
}

export type Operation = ItemOperation | BatchOperation;

/**
 * One input item's fate. A failed item may carry fields for its error item (e.g. the record key).
 * A file an operation produces (e.g. a product feed) rides as `binary` on its first output row.
 */
export type Outcome =
	| { ok: true; json: IDataObject | IDataObject[] | null; binary?: IBinaryKeyData }
	| { ok: false; error: unknown; json?: IDataObject };

/** Outcomes by input item index; an item without an outcome produces no output. */
export type ItemOutcomes = Map<number, Outcome>;

/** resource → operation → its module, e.g. `{ customer: { get, getAll } }`. */
export type ResourceMap = Record<string, Record<string, Operation>>;

function isBatch(op: Operation): op is BatchOperation {
	return typeof (op as BatchOperation).executeBatch === 'function';
}

/**
 * Output items in input order, each paired with its input item. A failed item becomes an error
 * item under "continue on fail" (or the error output); otherwise the first failed item stops the
 * node with an error naming it.
 */
export function emitOutcomes(ctx: IExecuteFunctions, outcomes: ItemOutcomes): INodeExecutionData[][] {
	const out: INodeExecutionData[] = [];
	const count = ctx.getInputData().length;
	const continueOnFail = ctx.continueOnFail();
	for (let i = 0; i < count; i++) {
		const outcome = outcomes.get(i);
		if (!outcome) continue;
		if (outcome.ok) {
			const rows = toItems(outcome.json, i);
			if (outcome.binary && rows.length) rows[0].binary = outcome.binary;
			out.push(...rows);
		}
		else if (continueOnFail) out.push(errorItem(ctx, outcome.error, i, outcome.json));
		else throw withItemIndex(ctx, outcome.error, i);
	}
	return [out];
}

/** Runs a per-item operation over every input item. */
async function runItems(ctx: IExecuteFunctions, op: ItemOperation): Promise<INodeExecutionData[][]> {
	const out: INodeExecutionData[] = [];
	const count = ctx.getInputData().length;
	for (let i = 0; i < count; i++) {
		try {
			out.push(...toItems(await op.execute.call(ctx, i), i));
		} catch (error) {
			if (!ctx.continueOnFail()) throw withItemIndex(ctx, error, i);
			out.push(errorItem(ctx, error, i));
		}
	}
	return [out];
}

/**
 * The `execute` of every action node. Resource and operation carry `noDataExpression`, so they
 * are read once, from the first item.
 */
export function createRouter<M extends ResourceMap>(resources: M) {
	const router = async function (this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const resource = this.getNodeParameter('resource', 0) as string;
		const operation = this.getNodeParameter('operation', 0) as string;
		const op = Object.hasOwn(resources, resource) && Object.hasOwn(resources[resource], operation)
			? resources[resource][operation]
			: undefined;
		if (!op) {
			throw new NodeOperationError(
				this.getNode(),
				`The operation "${operation}" of the resource "${resource}" is not supported`,
			);
		}
		if (isBatch(op)) return emitOutcomes(this, await op.executeBatch.call(this));
		if ((op.inFlight ?? 1) > 1) {
			const lane = op.lane;
			return emitOutcomes(this, await runItemsInFlight(this, async (i) => await op.execute.call(this, i), {
				limit: op.inFlight as number,
				lane: lane ? (i) => lane.call(this, i) : undefined,
			}));
		}
		return await runItems(this, op);
	};
	// The map stays readable, so tests can check that every operation offered in the editor is routed.
	return Object.assign(router, { resources });
}
