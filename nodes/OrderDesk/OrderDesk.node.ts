import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { resourceDescription } from '../shared/nodeDescription';
import * as inventoryItem from './actions/inventoryItem';
import * as order from './actions/order';
import { router } from './actions/router';
import * as shipment from './actions/shipment';
import * as store from './actions/store';
import { searchOrders } from './methods/listSearch';
import { getFolders } from './methods/loadOptions';

const { properties, subtitle } = resourceDescription('order', { inventoryItem, order, shipment, store });

export class OrderDesk implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Order Desk',
		name: 'orderDesk',
		icon: { light: 'file:orderDesk.svg', dark: 'file:orderDesk.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle,
		description: 'Read and write Order Desk orders, folders, shipments and inventory items',
		defaults: { name: 'Order Desk' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'orderDeskApi', required: true }],
		properties,
	};

	methods = {
		listSearch: { searchOrders },
		loadOptions: { getFolders },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
