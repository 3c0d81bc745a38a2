import type { IExecuteFunctions } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import { httpStatusOf } from '../../../shared/http';
import { withItemIndex, type ItemResult } from '../../../shared/items';
import { joorRequest, recordOf, seg } from '../../transport';
import { readStyleKey, styleKeyProperties } from './fields';

export const description = updateDisplayOptions({ show: { resource: ['style'], operation: ['get'] } }, styleKeyProperties);

/**
 * `GET /v2/style-number/{number}/{identifier}`: the style with its colours, sizes, prices and
 * `deliveries` (its linesheets); a style JOOR does not know gives `found: false`.
 */
export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const key = readStyleKey(this, i);
	try {
		const body = await joorRequest.call(this, 'GET', `/v2/style-number/${seg(key.style_number)}/${seg(key.style_identifier)}`);
		const style = recordOf(body, 'style');
		return style ? { found: true, ...style } : { ...key, found: false };
	} catch (error) {
		if (httpStatusOf(error) === 404) return { ...key, found: false };
		throw withItemIndex(this, error, i);
	}
}
