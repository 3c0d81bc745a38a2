import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { RequestContext } from '../../shared/http';
import { inputError } from '../../shared/items';
import { oncePerRun } from '../../shared/runCache';
import { emarsysList } from '../transport';

/**
 * Emarsys addresses contact fields by numeric id; users and templates name them. The system
 * fields have fixed ids (Emarsys's documented list), custom fields are looked up in `GET /field`
 * once per run, so a template can say `cin7_lifetime_value` instead of an account-specific id.
 */
export const SYSTEM_FIELDS: Record<string, number> = {
	first_name: 1,
	last_name: 2,
	email: 3,
	birth_date: 4,
	gender: 5,
	title: 9,
	address: 10,
	city: 11,
	state: 12,
	zip_code: 13,
	country: 14,
	phone: 15,
	company_position: 17,
	company_name: 18,
	preferred_email_format: 26,
	optin: 31,
	status: 32,
	source: 33,
	mobile: 37,
	salutation: 46,
	registration_date: 48,
};

export const EMAIL_FIELD = 3;
export const OPTIN_FIELD = 31;

const norm = (name: unknown) => String(name ?? '').trim().toLowerCase();
const isId = (name: string) => /^\d+$/.test(name);

/** Field names and ids both ways: system fields, then the account's fields when they were read. */
export class FieldIndex {
	private readonly byName = new Map<string, number>();
	private readonly names = new Map<number, string>();

	constructor(rows: IDataObject[] = []) {
		for (const [name, id] of Object.entries(SYSTEM_FIELDS)) this.add(name, id);
		for (const row of rows) {
			const id = Number(row.id);
			if (!Number.isInteger(id)) continue;
			// string_id is the stable technical name; name is what the UI shows. Both are accepted.
			if (row.string_id) this.add(String(row.string_id), id);
			if (row.name) this.add(String(row.name), id, false);
		}
	}

	private add(name: string, id: number, canonical = true) {
		const key = norm(name);
		if (!this.byName.has(key)) this.byName.set(key, id);
		if (canonical || !this.names.has(id)) this.names.set(id, name);
	}

	/** The id of a field named or numbered `name`, or undefined. */
	id(name: unknown): number | undefined {
		const text = norm(name);
		if (isId(text)) return Number(text);
		return this.byName.get(text);
	}

	/** The name a field id is shown under in outputs (its string_id), or the id itself. */
	name(id: number | string): string {
		return this.names.get(Number(id)) ?? String(id);
	}

	/** Whether every name is a number or a system field, so the account's list is not needed. */
	static known(names: unknown[]): boolean {
		return names.every((n) => isId(norm(n)) || norm(n) in SYSTEM_FIELDS || norm(n) === '');
	}
}

/** The account's contact fields, read once per run. */
export async function readFieldRows(ctx: RequestContext): Promise<IDataObject[]> {
	return await oncePerRun(ctx, 'emarsysFields', async () => await emarsysList.call(ctx, '/field'));
}

/** A field index that knows every name in `names`: `GET /field` is read only when one is custom. */
export async function fieldIndexFor(ctx: RequestContext, names: unknown[]): Promise<FieldIndex> {
	return FieldIndex.known(names) ? new FieldIndex() : new FieldIndex(await readFieldRows(ctx));
}

/** A field id an item names, or an error naming the item and the field parameter. */
export function requireFieldId(
	ctx: IExecuteFunctions,
	itemIndex: number,
	label: string,
	index: FieldIndex,
	name: unknown,
): number {
	const text = String(name ?? '').trim();
	if (!text) throw inputError(ctx, itemIndex, label, 'is empty');
	const id = index.id(text);
	if (id === undefined) {
		throw inputError(ctx, itemIndex, label, `names no Emarsys contact field ("${text}"): use a field's name, technical name or numeric ID`);
	}
	return id;
}

/**
 * The distinct parameter values of every item, for the lookups a batch needs before it builds
 * records (a bad value is reported by the builder later, per item). Distinct, so what is kept is
 * bounded by the field names in use, not by the number of items.
 */
export function valuesOfAllItems(ctx: IExecuteFunctions, read: (itemIndex: number) => unknown[]): unknown[] {
	const out = new Set<unknown>();
	const count = ctx.getInputData().length;
	for (let i = 0; i < count; i++) {
		try {
			for (const value of read(i)) out.add(value);
		} catch {
			// reported by the builder for this item
		}
	}
	return [...out];
}

/** Emarsys's opt-in field 31: 1 = true, 2 = false. */
export function optInValue(value: unknown): boolean | null {
	const v = norm(value);
	if (v === '1' || v === 'true') return true;
	if (v === '2' || v === 'false') return false;
	return null;
}
