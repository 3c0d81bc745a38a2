import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { actionSubtitle } from '../shared/subtitle';
import * as customerGroup from './actions/customerGroup';
import * as customerPricing from './actions/customerPricing';
import * as priceList from './actions/priceList';
import { router } from './actions/router';
import { searchPriceLists } from './methods/listSearch';

const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Customer Group', value: 'customerGroup' },
			{ name: 'Customer Pricing', value: 'customerPricing' },
			{ name: 'Price List', value: 'priceList' },
		],
		default: 'priceList',
	},
	...priceList.description,
	...customerGroup.description,
	...customerPricing.description,
];

export class SparkLayer implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SparkLayer',
		name: 'sparkLayer',
		icon: { light: 'file:sparkLayer.svg', dark: 'file:sparkLayer.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: actionSubtitle(properties),
		description: 'Sync B2B price lists, prices and customer groups with SparkLayer',
		defaults: { name: 'SparkLayer' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'sparkLayerApi', required: true }],
		properties,
	};

	methods = {
		listSearch: { searchPriceLists },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
