import type { INodeProperties } from 'n8n-workflow';

/**
 * The sellable and excluded location drop-downs of the two Cin7 Core triggers' stock settings
 * (polling and webhook), so both show and read the same fields.
 */
export function sellableLocationsProperty(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Sellable Location Names or IDs',
		name: 'sellableLocations',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getLocations' },
		default: [],
		description:
			'Locations whose stock can be sold. Leave empty for all. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		...overrides,
	};
}

export function excludedLocationsProperty(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Excluded Location Names or IDs',
		name: 'excludedLocations',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getLocations' },
		default: [],
		description:
			'Locations never sold from. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		...overrides,
	};
}
