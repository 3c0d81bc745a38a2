import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { chunk } from '../../../shared/batching';
import { updateDisplayOptions } from '../../../shared/displayOptions';
import type { ItemOutcomes } from '../../../shared/operation';
import { requiredText } from '../../../shared/params';
import { withItemIndex } from '../../../shared/items';
import { commitExport } from '../../helpers/orders';

const properties: INodeProperties[] = [
	{
		displayName: 'Order ID',
		name: 'orderId',
		type: 'string',
		required: true,
		default: '',
		description: 'The JOOR order to mark exported, usually mapped from the order that was just stored elsewhere',
	},
	{
		displayName:
			'Marks the order exported in JOOR (it leaves the export queue). Run it only after the order exists in the other system.',
		name: 'markExportedNotice',
		type: 'notice',
		default: '',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['order'], operation: ['markExported'] } },
	properties,
);

/** Order IDs per JOOR call: one `order_id` list per read. */
const IDS_PER_CALL = 50;

/**
 * Commits the export of the items' orders, many per call (a `sync=1` read restricted to them).
 * An order JOOR does not return was already exported and unchanged, or does not exist: reported
 * as `exported: false` with the reason, not as an error.
 */
export async function executeBatch(this: IExecuteFunctions): Promise<ItemOutcomes> {
	const outcomes: ItemOutcomes = new Map();
	const wanted: Array<{ i: number; id: string }> = [];
	for (let i = 0; i < this.getInputData().length; i++) {
		try {
			wanted.push({ i, id: requiredText(this, i, 'Order ID', this.getNodeParameter('orderId', i, '')) });
		} catch (error) {
			if (!this.continueOnFail()) throw withItemIndex(this, error, i);
			outcomes.set(i, { ok: false, error });
		}
	}
	const ids = [...new Set(wanted.map((w) => w.id))];
	const marked = new Set<string>();
	for (const part of chunk(ids, IDS_PER_CALL)) {
		try {
			for (const id of await commitExport.call(this, part)) marked.add(id);
		} catch (error) {
			const failed = wanted.filter((w) => part.includes(w.id));
			if (!this.continueOnFail()) throw withItemIndex(this, error, failed[0].i);
			for (const w of failed) outcomes.set(w.i, { ok: false, error, json: { id: w.id } });
		}
	}
	for (const w of wanted) {
		if (outcomes.has(w.i)) continue;
		outcomes.set(w.i, {
			ok: true,
			json: marked.has(w.id)
				? { id: w.id, exported: true }
				: { id: w.id, exported: false, reason: 'JOOR returned no such order waiting for export (already exported and unchanged, or unknown)' },
		});
	}
	return outcomes;
}
