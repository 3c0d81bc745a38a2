import type { IDataObject } from 'n8n-workflow';

import { readKey } from '../helpers/keys';

export type EventName = 'contactUpdated' | 'productUpdated' | 'salesOrderUpdated' | 'stockChanged';

/** The endpoint each event walks by modified date. */
export const EVENT_RESOURCE: Record<EventName, string> = {
	contactUpdated: 'Contacts',
	productUpdated: 'Products',
	salesOrderUpdated: 'SalesOrders',
	stockChanged: 'Stock',
};

/** Stock rows have no id of their own: an option in a branch is the record. */
export function recordIdOf(event: EventName, record: IDataObject): string {
	if (event === 'stockChanged') return `${String(readKey(record, 'productOptionId'))}@${String(readKey(record, 'branchId'))}`;
	return String(readKey(record, 'id'));
}
