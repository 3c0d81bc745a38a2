import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { inputError } from '../../shared/items';

/** Whether a record carries anything besides its id, i.e. whether a PUT would change something. */
export function hasChanges(record: IDataObject): boolean {
	return Object.keys(record).some((k) => k.toLowerCase() !== 'id');
}

/** An update record, refused when every field was left empty (a PUT of the id alone does nothing). */
export function requireChanges<T extends IDataObject>(ctx: IExecuteFunctions, itemIndex: number, record: T): T {
	if (!hasChanges(record)) throw inputError(ctx, itemIndex, 'Update Fields', 'has nothing to update');
	return record;
}
