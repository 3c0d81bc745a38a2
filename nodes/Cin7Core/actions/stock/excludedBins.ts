import type { INodeProperties } from 'n8n-workflow';

/**
 * Excluded bins as the location list knows them (`Location/Bin`), shared by Get Available to Sell
 * and the trigger's stock event. Workflows saved before the drop-down hold comma-separated text;
 * the readers take both (and a bare bin name, meaning that bin in any location).
 */
export function excludedBinsProperty(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Excluded Bin Names or IDs',
		name: 'excludedBins',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getBins' },
		default: [],
		description:
			'Bins never sold from, listed as Location/Bin (a bare bin name in an expression means that bin in any location). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		...overrides,
	};
}
