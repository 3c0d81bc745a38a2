import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { httpStatusOf } from '../../../shared/http';
import { emarsysList, emarsysRequest } from '../../transport';

export interface WantedField {
	name: string;
	type: string;
}

export const norm = (s: unknown) => String(s ?? '').trim().toLowerCase();

/** The field row named `name` (by name or technical name, without regard to case). */
export function findField(rows: IDataObject[], name: string): IDataObject | undefined {
	return rows.find((r) => norm(r.name) === norm(name) || norm(r.string_id) === norm(name));
}

/** The output row for a field that is there: `exists`, or `typeConflict` when its type differs. */
export function existingRow(w: WantedField, have: IDataObject): IDataObject {
	const same = norm(have.application_type) === w.type;
	return { name: w.name, id: have.id, type: w.type, ...(same ? {} : { existingType: have.application_type }), status: same ? 'exists' : 'typeConflict' };
}

/** Emarsys refused a second field of the same name: another run created it meanwhile. */
const createdMeanwhile = (error: unknown) => /replyCode 5002|already exists/i.test(String((error as Error).message));

/**
 * A failed create that may nevertheless have been applied: the connection dropped or timed out
 * (no status), the server failed (5xx) after perhaps writing, or a 2xx answer was cut short.
 * A 4xx or a 2xx with a replyCode is Emarsys refusing the request, which wrote nothing.
 */
function mayHaveApplied(error: unknown): boolean {
	const status = httpStatusOf(error);
	if (status === undefined || status >= 500) return true;
	return status >= 200 && status < 300 && /non-JSON body/.test(String((error as Error).message));
}

/** Reads the fields again into `rows` (the run's shared list, so later items see the change). */
async function reread(ctx: IExecuteFunctions, rows: IDataObject[]): Promise<void> {
	rows.splice(0, rows.length, ...(await emarsysList.call(ctx, '/field')));
}

function fieldError(ctx: IExecuteFunctions, i: number, w: WantedField, error: unknown, tries: number, refused = false): NodeOperationError {
	return new NodeOperationError(
		ctx.getNode(),
		`Item ${i}: Emarsys field "${w.name}" (${w.type}) could not be created after ${tries} attempt(s): ${String((error as Error).message)}`,
		{
			itemIndex: i,
			description: refused
				? 'Emarsys refused the create, so nothing was written. Fix the field name or type and run again.'
				: 'The field list was read again after each failure and the field was not there, so no duplicate was made. Run again: fields that exist by then are reused.',
		},
	);
}

/**
 * Creates one missing field (`POST /field`). Creating is not idempotent, so the transport does not
 * retry it (docs/architecture.md, "Transport"); this does, safely: after a failure that may have
 * been applied, the fields are read again by name and a field now there is used, otherwise the
 * create is sent once more. A field is never created twice. New fields join `rows`.
 */
export async function createField(ctx: IExecuteFunctions, i: number, w: WantedField, rows: IDataObject[]): Promise<IDataObject> {
	const MAX_TRIES = 2;
	for (let tries = 1; ; tries++) {
		try {
			const created = await emarsysRequest.call(ctx, 'POST', '/field', undefined, { name: w.name, application_type: w.type });
			rows.push({ id: created.id, name: w.name, application_type: w.type, string_id: created.string_id ?? w.name });
			return { name: w.name, id: created.id, type: w.type, status: 'created' };
		} catch (error) {
			const meanwhile = createdMeanwhile(error);
			if (!meanwhile && !mayHaveApplied(error)) throw fieldError(ctx, i, w, error, tries, true);
			try {
				await reread(ctx, rows);
			} catch (readError) {
				throw fieldError(ctx, i, w, readError, tries);
			}
			const now = findField(rows, w.name);
			if (now) return existingRow(w, now);
			if (meanwhile) throw fieldError(ctx, i, w, error, tries, true);
			if (tries >= MAX_TRIES) throw fieldError(ctx, i, w, error, tries);
		}
	}
}
