import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { actionSubtitle } from '../shared/subtitle';
import * as customer from './actions/customer';
import * as image from './actions/image';
import * as inventory from './actions/inventory';
import * as linesheet from './actions/linesheet';
import * as order from './actions/order';
import { router } from './actions/router';
import * as style from './actions/style';
import { searchOrders } from './methods/listSearch';

const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Customer', value: 'customer' },
			{ name: 'Image', value: 'image' },
			{ name: 'Inventory', value: 'inventory' },
			{ name: 'Linesheet', value: 'linesheet' },
			{ name: 'Order', value: 'order' },
			{ name: 'Style', value: 'style' },
		],
		default: 'order',
	},
	...customer.description,
	...image.description,
	...inventory.description,
	...linesheet.description,
	...order.description,
	...style.description,
];

export class Joor implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'JOOR',
		name: 'joor',
		icon: { light: 'file:joor.svg', dark: 'file:joor.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: actionSubtitle(properties),
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
