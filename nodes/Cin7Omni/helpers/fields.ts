import type { INodeProperties } from 'n8n-workflow';

/** Name/value rows written to a record's `customFields` (read with `pairsToObject`). */
export const customFieldsProperty: INodeProperties = {
	displayName: 'Custom Fields',
	name: 'customFields',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Custom Field',
	default: {},
	options: [
		{
			displayName: 'Field',
			name: 'field',
			values: [
				{
					displayName: 'Name',
					name: 'name',
					type: 'string',
					default: '',
					description: 'The custom field API name, e.g. members_1000',
				},
				{
					displayName: 'Value',
					name: 'value',
					type: 'string',
					default: '',
					description: 'An empty value is not sent (so the field stays as it is)',
				},
			],
		},
	],
};

export const whereFilter: INodeProperties = {
	displayName: 'Where (Advanced)',
	name: 'where',
	type: 'string',
	default: '',
	placeholder: "e.g. company='Acme'",
	description:
		'Extra Omni where clause over top-level fields, joined with AND to the other filters. Quote strings with single quotes.',
};

/** The Modified Since filter of a Get Many; `description` says what "modified" means there. */
export const modifiedSinceFilter = (description: string): INodeProperties => ({
	displayName: 'Modified Since',
	name: 'modifiedSince',
	type: 'dateTime',
	default: '',
	description,
});

/** The Filters collection of every Get Many, ending with the raw where clause (see `getManyWhere`). */
export const filtersProperty = (options: INodeProperties[]): INodeProperties => ({
	displayName: 'Filters',
	name: 'filters',
	type: 'collection',
	placeholder: 'Add Filter',
	default: {},
	options: [...options, whereFilter],
});
