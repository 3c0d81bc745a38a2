import type { IExecuteFunctions } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import type { ItemOutcomes } from '../../../shared/operation';
import { changeMembership, membershipProperties } from './membership';

export const description = updateDisplayOptions(
	{ show: { resource: ['linesheet'], operation: ['addStyles'] } },
	membershipProperties,
);

/** Adds each item's style to the given linesheets, keeping its other linesheets (delivery_overwrite 3). */
export async function executeBatch(this: IExecuteFunctions): Promise<ItemOutcomes> {
	return await changeMembership(this, 'add');
}
