import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { resourceDescription } from '../shared/nodeDescription';
import * as contact from './actions/contact';
import * as dataField from './actions/dataField';
import * as insightData from './actions/insightData';
import * as list from './actions/list';
import { router } from './actions/router';
import * as suppression from './actions/suppression';
import { searchContacts, searchLists } from './methods/listSearch';
import { getDataFields, getLists } from './methods/loadOptions';

const { properties, subtitle } = resourceDescription('contact', { contact, list, dataField, insightData, suppression });

export class Dotdigital implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Dotdigital',
		name: 'dotdigital',
		icon: { light: 'file:dotdigital.svg', dark: 'file:dotdigital.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle,
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
