import type { IExecuteFunctions } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import type { ItemResult } from '../../../shared/items';
import { changeTags, tagFields } from './shared';

export const description = updateDisplayOptions({ show: { resource: ['tag'], operation: ['add'] } }, tagFields);

/** tagsAdd: adds without replacing (customerUpdate's tags would replace the whole list). */
export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	return await changeTags(this, i, 'tagsAdd');
}
