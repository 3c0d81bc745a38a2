import type { INodeProperties } from 'n8n-workflow';

/** A single list (address book) picker; an expression may supply the numeric ID. */
export const listField: INodeProperties = {
	displayName: 'List Name or ID',
	name: 'listId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getLists' },
	default: '',
	required: true,
	description:
		'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
};
