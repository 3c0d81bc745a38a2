import type { IExecuteFunctions } from 'n8n-workflow';

import { locatorValue, readId } from '../../shared/params';
import { byId, KEY_FORMATS, recordLocator } from '../../shared/resourceLocator';

/** Emarsys's record fields (nodes/shared/resourceLocator.ts): search by name, or a numeric ID. */
export const listLocator = recordLocator({
	displayName: 'Contact List',
	name: 'listId',
	description: 'The contact list: search by name, or give its ID',
	searchListMethod: 'searchLists',
	typed: [byId(KEY_FORMATS.wholeNumber, 'Not an Emarsys contact list ID (a whole number above 0)')],
});

export const eventLocator = recordLocator({
	displayName: 'External Event',
	name: 'eventId',
	description: 'The external event (created in Emarsys under Automation → External Events): search by name, or give its ID',
	searchListMethod: 'searchEvents',
	typed: [byId(KEY_FORMATS.wholeNumber, 'Not an Emarsys external event ID (a whole number above 0)')],
});

export function readListId(ctx: IExecuteFunctions, i: number): number {
	return readId(ctx, i, 'Contact List', locatorValue(ctx, i, 'listId'));
}

export function readEventId(ctx: IExecuteFunctions, i: number): number {
	return readId(ctx, i, 'External Event', locatorValue(ctx, i, 'eventId'));
}
