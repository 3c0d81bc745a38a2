import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { resourceDescription } from '../shared/nodeDescription';
import * as customer from './actions/customer';
import * as location from './actions/location';
import * as priceTier from './actions/priceTier';
import * as product from './actions/product';
import * as productFamily from './actions/productFamily';
import { router } from './actions/router';
import * as sale from './actions/sale';
import * as stock from './actions/stock';
import * as webhook from './actions/webhook';
import { searchCustomers, searchProducts, searchSales } from './methods/listSearch';
import { getBins, getLocations, getPriceTiers, getTaxRules } from './methods/loadOptions';

const { properties, subtitle } = resourceDescription('product', {
	customer,
	location,
	priceTier,
	product,
	productFamily,
	sale,
	stock,
	webhook,
});

export class Cin7Core implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Cin7 Core',
		name: 'cin7Core',
		icon: { light: 'file:cin7Core.svg', dark: 'file:cin7Core.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle,
		description: 'Products, customers, sales and available-to-sell stock in Cin7 Core (DEAR Inventory)',
		defaults: { name: 'Cin7 Core' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'cin7CoreApi', required: true }],
		properties,
	};

	methods = {
		listSearch: { searchCustomers, searchProducts, searchSales },
		loadOptions: { getBins, getLocations, getPriceTiers, getTaxRules },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
