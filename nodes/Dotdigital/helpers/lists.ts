import type { IExecuteFunctions } from 'n8n-workflow';

import { inputError } from '../../shared/items';
import { locatorValue, splitList } from '../../shared/params';

/** List (address book) IDs from a multi-select, an array expression or a typed list. */
export function listIds(ctx: IExecuteFunctions, itemIndex: number, field: string, value: unknown): number[] {
	const ids: number[] = [];
	for (const text of splitList(value)) {
		const id = Number(text);
		if (!Number.isInteger(id) || id <= 0) {
			throw inputError(ctx, itemIndex, field, `contains "${text}", which is not a list ID`);
		}
		if (!ids.includes(id)) ids.push(id);
	}
	return ids;
}

/** The one list ID of a List field (helpers/locators.ts), in any mode or saved as a plain value. */
export function oneListId(ctx: IExecuteFunctions, itemIndex: number): number {
	const ids = listIds(ctx, itemIndex, 'List', locatorValue(ctx, itemIndex, 'listId'));
	if (ids.length !== 1) throw inputError(ctx, itemIndex, 'List', 'must name exactly one list');
	return ids[0];
}
