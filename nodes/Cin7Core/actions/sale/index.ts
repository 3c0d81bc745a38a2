import type { INodeProperties } from 'n8n-workflow';

import * as addShipment from './addShipment.operation';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getTracking from './getTracking.operation';
import * as undo from './undo.operation';
import * as update from './update.operation';
import * as updateLines from './updateLines.operation';
import * as voidSale from './void.operation';

export const operations = { addShipment, create, get, getAll, getTracking, undo, update, updateLines, void: voidSale };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['sale'] } },
		options: [
			{
				name: 'Add Shipment',
				value: 'addShipment',
				description: 'Add carrier and tracking number to a sale shipment',
				action: 'Add a shipment to a sale',
			},
			{
				name: 'Create',
				value: 'create',
				description: 'Create a sale with order lines; an existing External ID or Customer Reference returns that sale',
				action: 'Create a sale',
			},
			{ name: 'Get', value: 'get', description: 'Get a sale with its documents', action: 'Get a sale' },
			{ name: 'Get Many', value: 'getAll', description: 'Get many sales (headers)', action: 'Get many sales' },
			{
				name: 'Get Tracking',
				value: 'getTracking',
				description: 'Get carriers and tracking numbers of a sale',
				action: 'Get tracking of a sale',
			},
			{
				name: 'Undo',
				value: 'undo',
				description: 'Undo the last authorised stage of a sale',
				action: 'Undo a sale stage',
			},
			{ name: 'Update', value: 'update', description: 'Update a sale header', action: 'Update a sale' },
			{
				name: 'Update Order Lines',
				value: 'updateLines',
				description: 'Replace the order lines of a sale whose order is still a draft',
				action: 'Update the order lines of a sale',
			},
			{ name: 'Void', value: 'void', description: 'Void a sale', action: 'Void a sale' },
		],
		default: 'get',
	},
	...get.description,
	...getAll.description,
	...create.description,
	...update.description,
	...updateLines.description,
	...voidSale.description,
	...undo.description,
	...addShipment.description,
	...getTracking.description,
];
