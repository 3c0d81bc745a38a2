import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { RequestContext } from '../../shared/http';
import { same } from '../../shared/params';
import { omniList, ORDER } from '../transport';
import { readKey, readNumber, readString } from './keys';
import { oncePerRun } from '../../shared/runCache';

export interface Branch {
	id: number;
	/** The branch's company name: what Omni shows as the branch. */
	name: string;
	active: boolean;
}

/** The chosen branches as IDs, with every branch's current name for the breakdown. */
export interface BranchSelection {
	ids: number[];
	names: Map<number, string>;
}

export const BRANCH_FIELDS = 'id,company,isActive';

export function toBranch(row: IDataObject): Branch | undefined {
	const id = readNumber(row, 'id');
	if (id === undefined) return undefined;
	return { id, name: readString(row, 'company')?.trim() || `Branch ${id}`, active: readKey(row, 'isActive') !== false };
}

/** Every branch (active or not), in id order. */
export async function readBranches(ctx: RequestContext): Promise<Branch[]> {
	const rows = await omniList.call(ctx, 'Branches', { order: ORDER.byId, fields: BRANCH_FIELDS });
	return rows.map(toBranch).filter((b): b is Branch => b !== undefined);
}

/** The branch list, read once per execution however many items ask. */
export async function branchesOfRun(ctx: RequestContext): Promise<Branch[]> {
	return await oncePerRun(ctx, 'cin7OmniBranches', async () => await readBranches(ctx));
}

const quoted = (v: string) => `"${v}"`;

/**
 * The chosen branches (IDs or names, as the drop-down or an expression gives them) as branch IDs,
 * matched against the branch list once per run. Stock rows are then matched by `branchId`: a row
 * keeps the branch name it was written with, so a renamed branch would not match by name. A choice
 * that matches no branch stops the run with the valid names; nothing chosen means every branch
 * (undefined, and no call).
 */
export async function resolveBranches(
	ctx: RequestContext,
	chosen: Array<string | number>,
	itemIndex?: number,
): Promise<BranchSelection | undefined> {
	const wanted = chosen.map((b) => String(b).trim()).filter(Boolean);
	if (!wanted.length) return undefined;
	const branches = await branchesOfRun(ctx);
	const ids: number[] = [];
	const unknown: string[] = [];
	for (const choice of wanted) {
		const branch =
			(/^\d+$/.test(choice) ? branches.find((b) => b.id === Number(choice)) : undefined) ??
			branches.find((b) => same(b.name, choice));
		if (!branch) unknown.push(choice);
		else if (!ids.includes(branch.id)) ids.push(branch.id);
	}
	if (unknown.length) {
		const valid = branches.map((b) => `${b.name} (ID ${b.id}${b.active ? '' : ', inactive'})`).join(', ');
		throw new NodeOperationError(
			ctx.getNode(),
			`Branch Names or IDs: ${unknown.map(quoted).join(', ')} ${unknown.length > 1 ? 'match' : 'matches'} no Cin7 Omni branch. Valid branches: ${valid || 'none (the API connection sees no branch)'}`,
			{
				...(itemIndex === undefined ? {} : { itemIndex }),
				description: 'Choose branches from the list, or give a branch ID or its exact name (case-insensitive). Empty means every branch.',
			},
		);
	}
	return { ids, names: new Map(branches.map((b) => [b.id, b.name])) };
}
