import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import type { ItemOutcomes } from '../../../shared/operation';
import { keyFieldProperty, keyValueProperty } from '../../helpers/keys';
import { listLocator } from '../../helpers/locators';
import { changeMembership } from './membership';

const properties: INodeProperties[] = [
	{ ...listLocator },
	keyFieldProperty,
	keyValueProperty('The value of the key field of the contact to remove'),
];

export const description = updateDisplayOptions({ show: { resource: ['contactList'], operation: ['removeContacts'] } }, properties);

/** Remove contacts from the list, 1,000 contacts per call (helpers in ./membership.ts). */
export async function executeBatch(this: IExecuteFunctions): Promise<ItemOutcomes> {
	return await changeMembership(this, 'delete');
}
