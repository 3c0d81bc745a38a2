import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { resourceDescription } from '../shared/nodeDescription';
import * as branch from './actions/branch';
import * as contact from './actions/contact';
import * as product from './actions/product';
import { router } from './actions/router';
import * as salesOrder from './actions/salesOrder';
import * as stock from './actions/stock';
import { searchContacts, searchProducts, searchSalesOrders } from './methods/listSearch';
import { getBranches } from './methods/loadOptions';

const { properties, subtitle } = resourceDescription('contact', { branch, contact, product, salesOrder, stock });

export class Cin7Omni implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Cin7 Omni',
		name: 'cin7Omni',
		icon: { light: 'file:cin7Omni.svg', dark: 'file:cin7Omni.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle,
		description: 'Read and write Cin7 Omni contacts, products, stock, sales orders and branches',
		defaults: { name: 'Cin7 Omni' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'cin7OmniApi', required: true }],
		properties,
	};

	methods = {
		listSearch: { searchContacts, searchProducts, searchSalesOrders },
		loadOptions: { getBranches },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
