import type { IExecuteFunctions } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import type { ItemOutcomes } from '../../../shared/operation';
import { changeMembership, membershipProperties } from './membership';

export const description = updateDisplayOptions(
	{ show: { resource: ['linesheet'], operation: ['removeStyles'] } },
	membershipProperties,
);

/** Removes each item's style from the given linesheets only (delivery_overwrite 4). */
export async function executeBatch(this: IExecuteFunctions): Promise<ItemOutcomes> {
	return await changeMembership(this, 'remove');
}
