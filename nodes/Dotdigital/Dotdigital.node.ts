import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { actionSubtitle } from '../shared/subtitle';
import * as contact from './actions/contact';
import * as dataField from './actions/dataField';
import * as insightData from './actions/insightData';
import * as list from './actions/list';
import { router } from './actions/router';
import * as suppression from './actions/suppression';
import { searchContacts, searchLists } from './methods/listSearch';
import { getDataFields, getLists } from './methods/loadOptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Contact', value: 'contact' },
			{ name: 'Data Field', value: 'dataField' },
			{ name: 'Insight Data', value: 'insightData' },
			{ name: 'List', value: 'list' },
			{ name: 'Suppression', value: 'suppression' },
		],
		default: 'contact',
	},
	...contact.description,
	...list.description,
	...dataField.description,
	...insightData.description,
	...suppression.description,
];

export class Dotdigital implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Dotdigital',
		name: 'dotdigital',
		icon: { light: 'file:dotdigital.svg', dark: 'file:dotdigital.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: actionSubtitle(properties),
		description: 'Sync contacts, lists, data fields, insight data and suppressions with Dotdigital',
		defaults: { name: 'Dotdigital' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'dotdigitalApi', required: true }],
		properties,
	};

	methods = {
		listSearch: { searchContacts, searchLists },
		loadOptions: { getDataFields, getLists },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
