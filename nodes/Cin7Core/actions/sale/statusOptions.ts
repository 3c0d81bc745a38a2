import type { INodePropertyOptions } from 'n8n-workflow';

const option = (value: string): INodePropertyOptions => ({
	name: value
		.toLowerCase()
		.split(/([ _/])/)
		.map((w) => (w.length > 1 ? w[0].toUpperCase() + w.slice(1) : w === '_' ? ' ' : w))
		.join(''),
	value,
});

const sorted = (values: string[]) => values.map(option).sort((a, b) => a.name.localeCompare(b.name));

export const SALE_STATUSES = sorted([
	'DRAFT', 'VOIDED', 'ESTIMATING', 'ESTIMATED', 'ORDERING', 'ORDERED', 'BACKORDERED', 'PICKING', 'PICKED',
	'PACKING', 'PACKED', 'SHIPPING', 'INVOICING', 'INVOICED', 'CREDITED', 'COMPLETED',
]);

export const ORDER_STATUSES = sorted(['NOT AVAILABLE', 'DRAFT', 'AUTHORISED', 'AUTH_NO_ALLOC', 'VOIDED']);

export const SHIPPING_STATUSES = sorted([
	'NOT AVAILABLE', 'NOT SHIPPED', 'SHIPPING', 'PARTIALLY SHIPPED', 'SHIPPED', 'VOIDED',
]);
