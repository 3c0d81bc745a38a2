import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

export type ItemResult = IDataObject | IDataObject[] | null | undefined;

/** Attaches the failing item's index so n8n shows which input item broke. */
export function withItemIndex(ctx: IExecuteFunctions, error: unknown, itemIndex: number): Error {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.context = { ...(error.context ?? {}), itemIndex };
		return error;
	}
	return new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
}

/**
 * An item's error as an output item: what "continue on fail" and the error output receive. The
 * error itself rides on `item.error`, which is what sends the item to the node's error output
 * (n8n only reads `json.error` when the json holds nothing else); the json keeps the message and
 * details for expressions downstream.
 */
export function errorItem(
	ctx: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
	extra: IDataObject = {},
): INodeExecutionData {
	const nodeError = withItemIndex(ctx, error, itemIndex) as NodeApiError | NodeOperationError;
	const e = error as { message?: string; description?: string; httpCode?: string };
	return {
		json: {
			...extra,
			error: e.message ?? String(error),
			...(e.description ? { errorDetails: e.description } : {}),
			...(e.httpCode ? { httpCode: e.httpCode } : {}),
		},
		error: nodeError,
		pairedItem: { item: itemIndex },
	};
}

/** Turns one item's result into output items paired with that input item. */
export function toItems(result: ItemResult, itemIndex: number): INodeExecutionData[] {
	if (result === null || result === undefined) return [];
	const rows = Array.isArray(result) ? result : [result];
	return rows.map((json) => ({ json, pairedItem: { item: itemIndex } }));
}

/** A bad-input error that names the item and the field at fault. */
export function inputError(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: string,
	problem: string,
): NodeOperationError {
	return new NodeOperationError(ctx.getNode(), `Item ${itemIndex}: ${field} ${problem}`, {
		itemIndex,
		description: `Fix the "${field}" value of input item ${itemIndex} and run again.`,
	});
}
