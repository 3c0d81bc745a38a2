import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/** The standard Return All + Limit pair of every "Get Many"; `noun` adds a hint naming the records. */
export function returnAllProperties(noun?: string): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { returnAll: [false] } },
			...(noun ? { hint: `At most this many ${noun} are fetched` } : {}),
		},
	];
}

/** The row cap of one item, or undefined when every row is wanted. */
export function readLimit(ctx: IExecuteFunctions, itemIndex: number): number | undefined {
	if (ctx.getNodeParameter('returnAll', itemIndex, false) as boolean) return undefined;
	return Math.max(1, Math.floor(Number(ctx.getNodeParameter('limit', itemIndex, 50))) || 50);
}
