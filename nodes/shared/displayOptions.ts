import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

/** Shows a list of operation fields only for the given resource/operation (n8n's v2 helper, local copy). */
export function updateDisplayOptions(
	displayOptions: IDisplayOptions,
	properties: INodeProperties[],
): INodeProperties[] {
	return properties.map((property) => ({
		...property,
		displayOptions: {
			...(property.displayOptions ?? {}),
			show: { ...(property.displayOptions?.show ?? {}), ...(displayOptions.show ?? {}) },
			...(displayOptions.hide
				? { hide: { ...(property.displayOptions?.hide ?? {}), ...displayOptions.hide } }
				: {}),
		},
	}));
}
