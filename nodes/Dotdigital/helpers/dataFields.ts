import type { IDataObject } from 'n8n-workflow';

import type { RequestContext } from '../../shared/http';
import { dotdigitalRequest, rowsOf } from '../transport';

/** Every contact data field: `GET /v2/data-fields` answers with all of them at once, unpaged. */
export async function getDataFieldList(this: RequestContext): Promise<IDataObject[]> {
	return rowsOf(await dotdigitalRequest.call(this, 'GET', '/v2/data-fields'));
}
