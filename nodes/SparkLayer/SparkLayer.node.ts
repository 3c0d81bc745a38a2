import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { resourceDescription } from '../shared/nodeDescription';
import * as customerGroup from './actions/customerGroup';
import * as customerPricing from './actions/customerPricing';
import * as priceList from './actions/priceList';
import { router } from './actions/router';
import { searchPriceLists } from './methods/listSearch';

const { properties, subtitle } = resourceDescription('priceList', { priceList, customerGroup, customerPricing });

export class SparkLayer implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SparkLayer',
		name: 'sparkLayer',
		icon: { light: 'file:sparkLayer.svg', dark: 'file:sparkLayer.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle,
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
