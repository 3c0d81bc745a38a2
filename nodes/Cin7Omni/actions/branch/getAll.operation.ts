import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import type { ItemResult } from '../../../shared/items';
import { readLimit, returnAllProperties } from '../../../shared/returnAll';
import { filtersProperty } from '../../helpers/fields';
import { joinWhere } from '../../helpers/where';
import { omniList, ORDER } from '../../transport';

const properties: INodeProperties[] = [...returnAllProperties(), filtersProperty([])];

export const description = updateDisplayOptions({ show: { resource: ['branch'], operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	return await omniList.call(
		this,
		'Branches',
		{ where: joinWhere([filters.where as string | undefined]), order: ORDER.byId },
		readLimit(this, i),
	);
}
