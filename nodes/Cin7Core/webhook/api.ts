import type { IDataObject } from 'n8n-workflow';

import type { RequestContext } from '../../shared/http';
import { redact } from '../../shared/redact';
import { coreRequest } from '../transport';

/** Cin7 Core keeps at most this many webhooks of one Type. */
export const MAX_WEBHOOKS_PER_TYPE = 5;

/** A webhook as `/webhooks` lists it. */
export interface CoreWebhook extends IDataObject {
	ID: string;
	Name?: string;
	Type: string;
	IsActive: boolean;
	ExternalURL: string;
	ExternalAuthorizationType?: string;
	ExternalUserName?: string;
	ExternalPassword?: string;
	ExternalBearerToken?: string;
	ExternalHeaders?: IDataObject[];
}

/** Booleans arrive as true/false or "0"/"1" / "true"/"false". */
export function truthy(value: unknown): boolean {
	return value === true || value === 1 || ['1', 'true'].includes(String(value ?? '').trim().toLowerCase());
}

function toWebhook(row: IDataObject): CoreWebhook {
	return {
		...row,
		ID: String(row.ID ?? ''),
		Type: String(row.Type ?? ''),
		IsActive: truthy(row.IsActive),
		ExternalURL: String(row.ExternalURL ?? ''),
	};
}

/** Every webhook of the account. */
export async function listWebhooks(this: RequestContext): Promise<CoreWebhook[]> {
	const body = await coreRequest.call(this, 'GET', '/webhooks');
	const rows = Array.isArray(body.Webhooks) ? (body.Webhooks as IDataObject[]) : [];
	return rows.filter((r) => r && typeof r === 'object').map(toWebhook);
}

/**
 * Runs a call whose body carries a webhook secret; the secret is taken out of any error, in case
 * the vendor echoes the request in its message.
 */
export async function withoutSecret<T>(secret: string | undefined, call: () => Promise<T>): Promise<T> {
	// The transport's NodeApiError is kept (status, description), only its texts are cleaned.
	return await call().catch((error: unknown) => {
		const e = error as { message?: string; description?: string | null };
		if (secret && typeof e.message === 'string') e.message = redact(e.message, [secret]);
		if (secret && typeof e.description === 'string') e.description = redact(e.description, [secret]);
		throw error;
	});
}

/** The writable fields of a webhook (Name is read-only; PUT carries the ID). */
export function webhookBody(hook: Partial<CoreWebhook>): IDataObject {
	const body: IDataObject = {
		...(hook.ID ? { ID: hook.ID } : {}),
		Type: hook.Type,
		IsActive: hook.IsActive !== false,
		ExternalURL: hook.ExternalURL,
		ExternalAuthorizationType: hook.ExternalAuthorizationType ?? 'noauth',
		ExternalHeaders: Array.isArray(hook.ExternalHeaders) ? hook.ExternalHeaders : [],
	};
	for (const f of ['ExternalUserName', 'ExternalPassword', 'ExternalBearerToken'] as const) {
		if (hook[f] !== undefined && hook[f] !== null && hook[f] !== '') body[f] = hook[f];
	}
	return body;
}

/** `"Name" → URL` of each webhook, for messages (never a password, token or header value). */
export function describeWebhooks(hooks: CoreWebhook[]): string {
	return hooks.map((h) => `"${h.Name ?? h.ID}" → ${h.ExternalURL}${h.IsActive ? '' : ' (inactive)'}`).join('; ');
}
