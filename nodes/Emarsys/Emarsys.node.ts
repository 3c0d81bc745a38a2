import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { actionSubtitle } from '../shared/subtitle';
import * as catalog from './actions/catalog';
import * as contact from './actions/contact';
import * as contactList from './actions/contactList';
import * as externalEvent from './actions/externalEvent';
import * as field from './actions/field';
import { router } from './actions/router';
import * as salesData from './actions/salesData';
import { searchEvents, searchLists } from './methods/listSearch';

const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Catalog', value: 'catalog' },
			{ name: 'Contact', value: 'contact' },
			{ name: 'Contact List', value: 'contactList' },
			{ name: 'External Event', value: 'externalEvent' },
			{ name: 'Field', value: 'field' },
			{ name: 'Sales Data', value: 'salesData' },
		],
		default: 'contact',
	},
	...contact.description,
	...field.description,
	...contactList.description,
	...externalEvent.description,
	...salesData.description,
	...catalog.description,
];

export class Emarsys implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Emarsys',
		name: 'emarsys',
		icon: { light: 'file:emarsys.svg', dark: 'file:emarsys.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: actionSubtitle(properties),
		description: 'Sync contacts, fields, lists, external events, sales data and the product catalog with SAP Emarsys',
		defaults: { name: 'Emarsys' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'emarsysApi', required: true }],
		properties,
	};

	methods = {
		listSearch: { searchEvents, searchLists },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
