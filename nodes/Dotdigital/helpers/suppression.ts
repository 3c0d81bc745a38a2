import type { IDataObject } from 'n8n-workflow';

import type { RequestContext } from '../../shared/http';
import { dotdigitalPages } from '../transport';

export type SuppressionKind = 'suppressed' | 'unsubscribed';

/** suppressed-since covers every reason (unsubscribes, bounces, complaints); unsubscribed-since only unsubscribes. */
export function suppressionPath(kind: SuppressionKind, since: Date): string {
	const date = encodeURIComponent(since.toISOString().slice(0, 19) + 'Z');
	return kind === 'unsubscribed'
		? `/v2/contacts/unsubscribed-since/${date}`
		: `/v2/contacts/suppressed-since/${date}`;
}

/** Lifts the fields a sync back to Cin7 needs to the top, keeping the vendor's record beside them. */
export function flattenSuppression(row: IDataObject): IDataObject {
	const contact = (row.suppressedContact ?? {}) as IDataObject;
	return {
		email: contact.email as string,
		contactId: contact.id as number,
		reason: row.reason as string,
		dateRemoved: row.dateRemoved as string,
		status: contact.status as string,
		...row,
	};
}

/** Pages of suppressions since a date, flattened. */
export async function* suppressionPages(
	this: RequestContext,
	kind: SuppressionKind,
	since: Date,
	pageSize?: number,
): AsyncGenerator<IDataObject[]> {
	for await (const rows of dotdigitalPages.call(this, suppressionPath(kind, since), {}, pageSize)) {
		yield rows.map(flattenSuppression);
	}
}
