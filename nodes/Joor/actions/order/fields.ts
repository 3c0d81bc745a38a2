import type { INodeProperties } from 'n8n-workflow';

/** JOOR's `order_type` filter as users read it. */
export const orderTypeProperty: INodeProperties = {
	displayName: 'Order Type',
	name: 'orderType',
	type: 'options',
	options: [
		{ name: 'All (Including Cancelled)', value: 8 },
		{ name: 'All but Cancelled', value: 4 },
		{ name: 'Approved', value: 6 },
		{ name: 'Approved and Shipped', value: 2 },
		{ name: 'Cancelled', value: 5 },
		{ name: 'Notes', value: 1 },
		{ name: 'Pending', value: 3 },
		{ name: 'Shipped', value: 7 },
	],
	default: 6,
	description: 'Which orders by status; JOOR\'s own default is Approved and Shipped',
};

/** JOOR's `export_status` filter as users read it. */
export const exportStatusProperty: INodeProperties = {
	displayName: 'Export Status',
	name: 'exportStatus',
	type: 'options',
	options: [
		{ name: 'Any', value: 1 },
		{ name: 'Exported', value: 3 },
		{ name: 'Modified Since Last Export', value: 4, description: 'Re-exports: changed or set to re-export after an export' },
		{ name: 'Not Exported', value: 2 },
		{ name: 'Not Exported (Without Failed)', value: 6 },
		{ name: 'Not Exported or Modified', value: 5, description: 'Everything waiting for an export' },
		{ name: 'Not Exported (Without Failed) or Modified', value: 7 },
	],
	default: 5,
	description: 'Reading never marks orders exported (sync=0); use Mark Exported once the order is stored elsewhere',
};
