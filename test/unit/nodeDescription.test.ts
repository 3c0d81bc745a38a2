import type { INodeProperties } from 'n8n-workflow';

import { resourceDescription, resourceLabel } from '../../nodes/shared/nodeDescription';
import { actionSubtitle } from '../../nodes/shared/subtitle';

/** A resource's Operation selector plus one field, shown only for that resource (as every resources' index.ts does). */
function fieldsOf(resource: string, operations: Array<[string, string]>): INodeProperties[] {
	const show = { resource: [resource] };
	return [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show },
			options: operations.map(([value, action]) => ({ name: value, value, action })),
			default: operations[0][0],
		},
		{ displayName: 'ID', name: `${resource}Id`, type: 'string', default: '', description: 'Which record', displayOptions: { show } },
	];
}

const order = fieldsOf('order', [['get', 'Get an order']]);
const priceTier = fieldsOf('priceTier', [['getAll', 'Get many price tiers']]);
const customer = fieldsOf('customer', [['create', 'Create a customer'], ['update', 'Update a customer']]);

describe('resourceDescription', () => {
	const built = resourceDescription('customer', {
		order: { description: order },
		priceTier: { description: priceTier },
		customer: { description: customer },
	});

	it('starts with a Resource selector that cannot vary per item, its options by name and the given default', () => {
		expect(built.properties[0]).toEqual({
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: [
				{ name: 'Customer', value: 'customer' },
				{ name: 'Order', value: 'order' },
				{ name: 'Price Tier', value: 'priceTier' },
			],
			default: 'customer',
		});
	});

	it('then every resource\'s own fields, in the order the resources were given, untouched', () => {
		expect(built.properties.slice(1)).toEqual([...order, ...priceTier, ...customer]);
		expect(built.properties[1]).toBe(order[0]);
	});

	it('builds the subtitle from those fields: each resource:operation reads as its action', () => {
		expect(built.subtitle).toBe(actionSubtitle(built.properties));
		for (const label of ['"order:get":"Get an order"', '"priceTier:getAll":"Get many price tiers"', '"customer:update":"Update a customer"']) {
			expect(built.subtitle).toContain(label);
		}
	});

	it('names a resource by its value in words, or by the label given (a vendor\'s acronym)', () => {
		expect(['customer', 'priceTier', 'salesOrder', 'inventoryItem', 'metafield'].map(resourceLabel)).toEqual([
			'Customer',
			'Price Tier',
			'Sales Order',
			'Inventory Item',
			'Metafield',
		]);
		const { properties } = resourceDescription('sku', { sku: { description: [] }, order: { description: [] } }, { sku: 'SKU' });
		expect(properties[0].options).toEqual([
			{ name: 'Order', value: 'order' },
			{ name: 'SKU', value: 'sku' },
		]);
	});

	it('orders "Product" before "Product Family", as n8n\'s options rule does', () => {
		const { properties } = resourceDescription('product', { productFamily: { description: [] }, product: { description: [] } });
		expect((properties[0].options as Array<{ name: string }>).map((o) => o.name)).toEqual(['Product', 'Product Family']);
	});

	it('refuses a default that is not one of the resources, naming them', () => {
		expect(() => resourceDescription('sale', { order: { description: order }, customer: { description: customer } })).toThrow(
			'Resource selector: "sale" is not one of the resources order, customer',
		);
	});

	it('refuses a label for a resource the node does not have', () => {
		expect(() => resourceDescription('order', { order: { description: order } }, { orders: 'Orders' })).toThrow(
			'Resource selector: "orders" is not one of the resources order',
		);
	});
});
