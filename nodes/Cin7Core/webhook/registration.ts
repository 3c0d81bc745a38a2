import { randomBytes } from 'crypto';
import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { clock } from '../../shared/clock';
import { coreRequest } from '../transport';
import {
	describeWebhooks,
	listWebhooks,
	MAX_WEBHOOKS_PER_TYPE,
	webhookBody,
	withoutSecret,
	type CoreWebhook,
} from './api';
import { eventOf, STOCK_EVENT } from './events';
import { readStockSettings, seedStockSnapshot } from './stock';

/**
 * What the trigger keeps in its workflow static data (per node): the webhook it registered, the
 * secret Cin7 Core sends with every delivery, the last delivery it accepted, a gap found on
 * re-activation (reported with the next delivery), recent delivery keys (redeliveries) and the
 * stock snapshot of the stock event.
 */
export interface WebhookState extends IDataObject {
	webhookId?: string;
	secret?: string;
	webhookType?: string;
	webhookUrl?: string;
	registeredAt?: string;
	lastDeliveryAt?: string;
	pendingGap?: IDataObject;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** A new delivery secret: 32 random bytes as hex, sent by Cin7 Core as a bearer token. */
export function newSecret(): string {
	return randomBytes(32).toString('hex');
}

function stateOf(ctx: IHookFunctions): WebhookState {
	return ctx.getWorkflowStaticData('node') as WebhookState;
}

function eventType(ctx: IHookFunctions): string {
	const type = ctx.getNodeParameter('event') as string;
	const known = eventOf(type);
	if (!known) throw new NodeOperationError(ctx.getNode(), `Unknown Cin7 Core webhook event "${type}"`);
	return known.type;
}

function webhookUrl(ctx: IHookFunctions): string {
	const url = ctx.getNodeWebhookUrl('default');
	if (!url) throw new NodeOperationError(ctx.getNode(), 'n8n gave no webhook URL for this node');
	return url;
}

/** Forgets the registration (a gap still to report and the last delivery stay). */
function forget(state: WebhookState): void {
	for (const key of ['webhookId', 'secret', 'webhookType', 'webhookUrl', 'registeredAt', 'deliveryKeys'] as const) {
		delete state[key];
	}
}

function remember(state: WebhookState, hook: { ID: string; Type: string; ExternalURL: string }, secret: string): void {
	state.webhookId = hook.ID;
	state.secret = secret;
	state.webhookType = hook.Type;
	state.webhookUrl = hook.ExternalURL;
	state.registeredAt = state.registeredAt ?? iso(clock.now());
}

/** Ours: the webhook whose ID we kept, else one of this type calling this node's URL. */
function findOurs(hooks: CoreWebhook[], state: WebhookState, url: string, type: string): CoreWebhook | undefined {
	return (
		(state.webhookId ? hooks.find((h) => h.ID === state.webhookId) : undefined) ??
		hooks.find((h) => h.ExternalURL === url && h.Type === type)
	);
}

/** The stock event compares deliveries with levels stored at activation (test listens store nothing). */
async function seedIfStock(ctx: IHookFunctions, type: string): Promise<void> {
	if (type !== STOCK_EVENT || ctx.getMode() === 'manual') return;
	if (!(ctx.getNodeParameter('fetchFullRecord', true) as boolean)) return;
	await seedStockSnapshot(ctx, stateOf(ctx), await readStockSettings(ctx, ctx));
}

/**
 * checkExists: is our webhook registered in Cin7 Core? When it is but no longer as needed, it is
 * put right in place: re-activated when Cin7 Core deactivated it after failed deliveries (the gap
 * is recorded and reported with the next delivery), re-keyed when we hold no secret for it, pointed
 * at this node's URL. A webhook of another type (the event was changed) is removed so that `create`
 * registers the new one.
 */
export async function checkWebhook(this: IHookFunctions): Promise<boolean> {
	const state = stateOf(this);
	const type = eventType(this);
	const url = webhookUrl(this);
	const hooks = await listWebhooks.call(this);
	const ours = findOurs(hooks, state, url, type);
	if (!ours) {
		// Registered before but gone (removed in Cin7 Core): deliveries stopped until now.
		if (state.webhookId && this.getMode() !== 'manual') {
			recordGap(this, state, { ID: state.webhookId, Type: state.webhookType ?? type }, 'removed from Cin7 Core');
		}
		forget(state);
		return false;
	}
	if (ours.Type !== type) {
		await coreRequest.call(this, 'DELETE', '/webhooks', { ID: ours.ID });
		forget(state);
		return false;
	}
	const secret = state.secret ?? newSecret();
	const token = typeof ours.ExternalBearerToken === 'string' ? ours.ExternalBearerToken : undefined;
	const stale =
		!state.secret ||
		!ours.IsActive ||
		ours.ExternalURL !== url ||
		String(ours.ExternalAuthorizationType ?? '').toLowerCase() !== 'bearerauth' ||
		(token !== undefined && token !== '' && token !== secret);
	if (stale) {
		if (!ours.IsActive) recordGap(this, state, ours, 'deactivated by Cin7 Core after its deliveries failed for about 76 minutes');
		const fixed = { ...ours, IsActive: true, ExternalURL: url, ExternalAuthorizationType: 'bearerauth', ExternalBearerToken: secret };
		await withoutSecret(secret, async () => await coreRequest.call(this, 'PUT', '/webhooks', undefined, webhookBody(fixed)));
	}
	remember(state, { ID: ours.ID, Type: type, ExternalURL: url }, secret);
	gapClosed(state);
	await seedIfStock(this, type);
	return true;
}

/**
 * Our webhook was down: Cin7 Core deactivates a webhook without notice after 6 failed retries
 * (about 76 minutes), or it was removed there. Changes after the last delivery we accepted may never
 * have arrived: the gap is logged now and added to the items of the next delivery, so the workflow
 * can backfill with the polling trigger.
 */
function recordGap(ctx: IHookFunctions, state: WebhookState, hook: { ID: string; Type: string }, why: string): void {
	const now = iso(clock.now());
	const missedSince = state.lastDeliveryAt ?? state.registeredAt ?? null;
	state.pendingGap = {
		webhookId: hook.ID,
		type: hook.Type,
		reason: why,
		foundDownAt: now,
		reactivatedAt: null,
		lastDeliveryAt: state.lastDeliveryAt ?? null,
		missedSince,
		note: `Changes from missedSince to reactivatedAt may not have been delivered: backfill them with the Cin7 Core Trigger (Start Date = missedSince).`,
	};
	ctx.logger.warn(
		`Cin7 Core Webhook Trigger: the ${hook.Type} webhook was ${why}. Changes since ${String(missedSince ?? 'its registration')} may not have been delivered; the next delivery carries webhookGap.`,
	);
}

/** The webhook delivers again from now: the end of the gap. */
function gapClosed(state: WebhookState): void {
	if (state.pendingGap && !state.pendingGap.reactivatedAt) state.pendingGap.reactivatedAt = iso(clock.now());
}

/**
 * create: registers a webhook of the event's type calling this node's URL, with a new secret as
 * its bearer token. Cin7 Core keeps at most 5 webhooks per type: when 5 exist, activation fails
 * naming them.
 */
export async function createWebhook(this: IHookFunctions): Promise<boolean> {
	const state = stateOf(this);
	const type = eventType(this);
	const url = webhookUrl(this);
	const sameType = (await listWebhooks.call(this)).filter((h) => h.Type === type);
	if (sameType.length >= MAX_WEBHOOKS_PER_TYPE) {
		throw new NodeOperationError(
			this.getNode(),
			`Cin7 Core allows at most ${MAX_WEBHOOKS_PER_TYPE} webhooks of one type, and ${type} has ${sameType.length} already: ${describeWebhooks(sameType)}`,
			{ description: 'Delete one of them in Cin7 Core (or deactivate the workflow that registered it), then activate this workflow again.' },
		);
	}
	// The stock levels first: a delivery may come as soon as the webhook exists.
	await seedIfStock(this, type);
	const secret = newSecret();
	const body = webhookBody({ Type: type, IsActive: true, ExternalURL: url, ExternalAuthorizationType: 'bearerauth', ExternalBearerToken: secret });
	const created = await withoutSecret(secret, async () => await coreRequest.call(this, 'POST', '/webhooks', undefined, body));
	let id = typeof created.ID === 'string' && created.ID ? created.ID : undefined;
	// Should the answer not carry the new webhook, it is found by its URL and type.
	if (!id) id = (await listWebhooks.call(this)).find((h) => h.ExternalURL === url && h.Type === type)?.ID;
	if (!id) throw new NodeOperationError(this.getNode(), `Cin7 Core did not return the ID of the new ${type} webhook`);
	forget(state);
	remember(state, { ID: id, Type: type, ExternalURL: url }, secret);
	gapClosed(state);
	return true;
}

/**
 * delete: removes our webhook from Cin7 Core and forgets it. Turning the workflow off and on is
 * also how a webhook Cin7 Core deactivated gets repaired (n8n 2.x keeps webhooks registered across
 * restarts without checking them again): when ours is found deactivated (or gone), the gap is
 * recorded and kept, with the last delivery, for the next registration to report. One already gone
 * is just forgotten; a failed removal is logged and kept, so the next activation finds it again.
 */
export async function deleteWebhook(this: IHookFunctions): Promise<boolean> {
	const state = stateOf(this);
	if (!state.webhookId) return true;
	const id = state.webhookId;
	let ours: CoreWebhook | undefined;
	try {
		ours = (await listWebhooks.call(this)).find((h) => h.ID === id);
		if (ours) await coreRequest.call(this, 'DELETE', '/webhooks', { ID: id });
	} catch (error) {
		this.logger.error(`Cin7 Core Webhook Trigger: could not remove webhook ${id} from Cin7 Core: ${(error as Error).message}`);
		return false;
	}
	const down = this.getMode() !== 'manual' && (!ours || !ours.IsActive);
	if (down) {
		const why = ours ? 'deactivated by Cin7 Core after its deliveries failed for about 76 minutes' : 'removed from Cin7 Core';
		recordGap(this, state, { ID: id, Type: state.webhookType ?? ours?.Type ?? '' }, why);
	}
	forget(state);
	if (!down) {
		// Turned off on purpose: deliveries stop by intent, so there is no gap to report later.
		delete state.pendingGap;
		delete state.lastDeliveryAt;
		delete state.stockSnapshot;
	}
	return true;
}
