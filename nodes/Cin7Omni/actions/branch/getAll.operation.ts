import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import { runPerItem } from '../../../shared/items';
import { readLimit, returnAllProperties } from '../../../shared/returnAll';
import { whereFilter } from '../../helpers/params';
import { joinWhere } from '../../helpers/where';
import { omniList } from '../../transport';

const properties: INodeProperties[] = [
	...returnAllProperties(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [whereFilter],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['branch'], operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runPerItem.call(this, async (i) => {
		const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
		return await omniList.call(
			this,
			'Branches',
			{ where: joinWhere([filters.where as string | undefined]), order: 'id ASC' },
			readLimit(this, i),
		);
	});
}
