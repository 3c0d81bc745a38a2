import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { RequestContext } from '../../shared/http';
import { inputError } from '../../shared/items';
import { same } from '../../shared/params';
import { readStore } from './store';

export interface Folder extends IDataObject {
	id: string;
	name: string;
}

/**
 * The store's folders from `GET /store`. Order Desk's answer is documented loosely: the folders
 * sit under `store.folders` or `folders`, as an `{id: name}` map or a list of `{id, name}`; both
 * are read.
 */
export function foldersOf(body: IDataObject): Folder[] {
	const store = (body.store && typeof body.store === 'object' ? body.store : body) as IDataObject;
	const raw = store.folders ?? body.folders;
	const out: Folder[] = [];
	if (Array.isArray(raw)) {
		for (const f of raw as IDataObject[]) {
			if (f && f.id !== undefined && f.id !== null) out.push({ id: String(f.id), name: String(f.name ?? f.folder_name ?? '') });
		}
	} else if (raw && typeof raw === 'object') {
		for (const [id, name] of Object.entries(raw as IDataObject)) out.push({ id: String(id), name: String(name ?? '') });
	}
	return out.sort((a, b) => Number(a.id) - Number(b.id) || a.id.localeCompare(b.id));
}

/** The folders, read once per run however many items name one. */
export async function readFolders(ctx: RequestContext): Promise<Folder[]> {
	return foldersOf(await readStore(ctx));
}

/** A folder given by ID or by name (case-insensitive), or undefined when nothing matches. */
export function findFolder(folders: Folder[], value: unknown): Folder | undefined {
	const text = String(value ?? '').trim();
	if (!text) return undefined;
	return folders.find((f) => f.id === text) ?? folders.find((f) => same(f.name, text));
}

/** The item's folder field as a folder of the store; a value that names none lists the valid ones. */
export async function resolveFolder(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: string,
	value: unknown,
): Promise<Folder> {
	const text = String(value ?? '').trim();
	if (!text) throw inputError(ctx, itemIndex, field, 'is empty');
	const folders = await readFolders(ctx);
	const folder = findFolder(folders, text);
	if (!folder) {
		const names = folders.map((f) => `"${f.name}" (${f.id})`).join(', ');
		throw inputError(ctx, itemIndex, field, `"${text}" is not a folder of this store; folders: ${names || 'none'}`);
	}
	return folder;
}
