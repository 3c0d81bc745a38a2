import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { resourceDescription } from '../shared/nodeDescription';
import * as catalog from './actions/catalog';
import * as contact from './actions/contact';
import * as contactList from './actions/contactList';
import * as externalEvent from './actions/externalEvent';
import * as field from './actions/field';
import { router } from './actions/router';
import * as salesData from './actions/salesData';
import { searchEvents, searchLists } from './methods/listSearch';

const { properties, subtitle } = resourceDescription('contact', {
	contact,
	field,
	contactList,
	externalEvent,
	salesData,
	catalog,
});

export class Emarsys implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Emarsys',
		name: 'emarsys',
		icon: { light: 'file:emarsys.svg', dark: 'file:emarsys.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle,
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
