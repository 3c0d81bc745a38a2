import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import type { ItemResult } from '../../../shared/items';
import { locatorValue, readId } from '../../../shared/params';
import { contactLocator } from '../../helpers/locators';
import { readSubscriptionSource, withConsent } from '../../helpers/subscriptionOptions';
import { omniGetById } from '../../transport';

const properties: INodeProperties[] = [contactLocator];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const id = readId(this, i, 'Contact', locatorValue(this, i, 'contactId'));
	return withConsent(await omniGetById.call(this, 'Contacts', id), readSubscriptionSource(this, i));
}
