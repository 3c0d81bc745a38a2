import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { resourceDescription } from '../shared/nodeDescription';
import * as customer from './actions/customer';
import * as image from './actions/image';
import * as inventory from './actions/inventory';
import * as linesheet from './actions/linesheet';
import * as order from './actions/order';
import { router } from './actions/router';
import * as style from './actions/style';
import { searchOrders } from './methods/listSearch';

const { properties, subtitle } = resourceDescription('order', { customer, image, inventory, linesheet, order, style });

export class Joor implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'JOOR',
		name: 'joor',
		icon: { light: 'file:joor.svg', dark: 'file:joor.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle,
		description: 'Sync wholesale styles, linesheets, images, customers, inventory and approved orders with JOOR',
		defaults: { name: 'JOOR' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'joorApi', required: true }],
		properties,
	};

	methods = {
		listSearch: { searchOrders },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
