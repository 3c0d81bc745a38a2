import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { buildRecords, writeInBatches, type BatchRecord } from '../../../shared/batchWrite';
import { updateDisplayOptions } from '../../../shared/displayOptions';
import { inputError } from '../../../shared/items';
import type { ItemOutcomes } from '../../../shared/operation';
import { locatorValue, readId } from '../../../shared/params';
import { batchVerdicts } from '../../helpers/batchResults';
import { folderProperty } from '../../helpers/fields';
import { findFolder, readFolders, type Folder } from '../../helpers/folders';
import { orderLocator } from '../../helpers/locators';
import { orderDeskRequest } from '../../transport';

const properties: INodeProperties[] = [
	orderLocator,
	folderProperty('folder', 'Destination Folder Name or ID', 'The folder the order moves to'),
];

export const description = updateDisplayOptions({ show: { resource: ['order'], operation: ['moveToFolder'] } }, properties);

/** Order IDs per move call: Order Desk's list size (500) keeps a call's body small. */
const MAX_ORDERS_PER_CALL = 500;

interface Move extends IDataObject {
	order_id: string;
	folder_id: string;
	folder_name: string;
}

/**
 * Items going to the same folder share one `POST /move-orders` call (up to 500 orders each), so a
 * run that files a thousand orders spends a few calls of the store's bucket, not a thousand.
 */
export async function executeBatch(this: IExecuteFunctions): Promise<ItemOutcomes> {
	const outcomes: ItemOutcomes = new Map();
	const folders = await readFolders(this);
	const records = buildRecords<Move>(
		this,
		(i) => {
			const id = readId(this, i, 'Order', locatorValue(this, i, 'orderId'));
			const value = this.getNodeParameter('folder', i, '');
			const folder = findFolder(folders, value);
			if (!folder) throw unknownFolder(this, i, value, folders);
			return { record: { order_id: String(id), folder_id: folder.id, folder_name: folder.name }, key: String(id) };
		},
		outcomes,
	);

	const byFolder = new Map<string, Array<BatchRecord<Move>>>();
	for (const r of records) byFolder.set(r.record.folder_id, [...(byFolder.get(r.record.folder_id) ?? []), r]);
	for (const [folderId, group] of byFolder) {
		await writeInBatches<Move>(
			this,
			{
				vendor: 'Order Desk',
				noun: 'order',
				maxCount: MAX_ORDERS_PER_CALL,
				duplicates: 'firstWins',
				send: async (batch) => {
					// Moving orders to a folder twice leaves them where once does, so a gateway error or a
					// dropped connection may retry the call.
					const body = await orderDeskRequest.call(
						this,
						'POST',
						'/move-orders',
						undefined,
						{
							order_id_list: batch.map((r) => r.record.order_id),
							destination_folder_id: /^\d+$/.test(folderId) ? Number(folderId) : folderId,
						},
						{ idempotent: true },
					);
					return moveVerdicts(body, batch);
				},
			},
			group,
			outcomes,
		);
	}
	return outcomes;
}

function unknownFolder(ctx: IExecuteFunctions, i: number, value: unknown, folders: Folder[]) {
	const text = String(value ?? '').trim();
	if (!text) return inputError(ctx, i, 'Destination Folder', 'is empty');
	const names = folders.map((f) => `"${f.name}" (${f.id})`).join(', ');
	return inputError(ctx, i, 'Destination Folder', `"${text}" is not a folder of this store; folders: ${names || 'none'}`);
}

/**
 * Each order's verdict: the answer lists the orders it could not find (`orders_not_found`), or
 * gives per-order results; an order it does not name was moved.
 */
function moveVerdicts(body: IDataObject, batch: Array<BatchRecord<Move>>) {
	const output = (move: Move) => ({ orderId: move.order_id, folderId: move.folder_id, folderName: move.folder_name, moved: true });
	const notFound = new Set((Array.isArray(body.orders_not_found) ? body.orders_not_found : []).map(String));
	if (!notFound.size) return batchVerdicts(body, batch, 'order_id', [], output);
	return batch.map((r) =>
		notFound.has(r.record.order_id)
			? { ok: false, error: `no order ${r.record.order_id} in this store` }
			: { ok: true, json: output(r.record) },
	);
}
