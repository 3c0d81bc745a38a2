import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { clock } from '../../../shared/clock';
import { updateDisplayOptions } from '../../../shared/displayOptions';
import type { ItemResult } from '../../../shared/items';
import { splitList } from '../../../shared/params';
import { redact } from '../../../shared/redact';
import { coreRequest } from '../../transport';
import { listWebhooks, webhookBody, type CoreWebhook } from '../../webhook/api';
import { eventOptions } from '../../webhook/events';

const properties: INodeProperties[] = [
	{
		displayName: 'URL Contains',
		name: 'urlContains',
		type: 'string',
		default: '/webhook/',
		placeholder: 'e.g. https://n8n.example.com/webhook/',
		description:
			"Only webhooks whose URL contains this text (n8n's production webhook URLs contain /webhook/). Leave empty for every webhook of the account.",
	},
	{
		displayName: 'Events',
		name: 'eventTypes',
		type: 'multiOptions',
		options: eventOptions,
		default: [],
		description: 'Only webhooks of these types. Leave empty for every type.',
	},
	{
		displayName: 'Re-Activate',
		name: 'reactivate',
		type: 'boolean',
		default: true,
		description: 'Whether to re-activate webhooks that Cin7 Core deactivated after failed deliveries',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['webhook'], operation: ['check'] } }, properties);

interface Health extends IDataObject {
	lastSeenActiveAt?: string;
	firstSeenDownAt?: string;
}

/**
 * What earlier checks saw per webhook ID (workflow static data): Cin7 Core does not say when it
 * deactivated a webhook, so "down since" is the best this workflow knows.
 */
function healthStore(ctx: IExecuteFunctions, ids: string[]): Record<string, Health> {
	const staticData = ctx.getWorkflowStaticData('node');
	const stored = (staticData.webhookHealth ?? {}) as Record<string, Health>;
	const kept: Record<string, Health> = {};
	for (const id of ids) kept[id] = stored[id] ?? {};
	staticData.webhookHealth = kept;
	return kept;
}

async function reactivate(ctx: IExecuteFunctions, hook: CoreWebhook): Promise<string | undefined> {
	try {
		await coreRequest.call(ctx, 'PUT', '/webhooks', undefined, webhookBody({ ...hook, IsActive: true }));
		return undefined;
	} catch (error) {
		// Reported per webhook, so one refusal does not hide the others; its secrets taken out.
		return redact((error as Error).message, [hook.ExternalBearerToken, hook.ExternalPassword]);
	}
}

/**
 * Lists the webhooks (those calling n8n by default), re-activates the ones Cin7 Core deactivated
 * after failed deliveries, and reports for each: type, URL, whether it was down, since when (best
 * knowledge) and whether it was re-activated. Meant for a schedule beside webhook triggers.
 */
export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const urlContains = String(this.getNodeParameter('urlContains', i, '') ?? '').trim().toLowerCase();
	const types = new Set(splitList(this.getNodeParameter('eventTypes', i, [])).map((t) => t.toLowerCase()));
	const shouldReactivate = this.getNodeParameter('reactivate', i, true) as boolean;
	const hooks = (await listWebhooks.call(this)).filter(
		(h) => (!urlContains || h.ExternalURL.toLowerCase().includes(urlContains)) && (!types.size || types.has(h.Type.toLowerCase())),
	);
	const health = healthStore(this, hooks.map((h) => h.ID));
	const now = new Date(clock.now()).toISOString();
	const rows: IDataObject[] = [];
	for (const hook of hooks) {
		const seen = health[hook.ID];
		const wasDown = !hook.IsActive;
		let reactivated = false;
		let error: string | undefined;
		if (wasDown) {
			seen.firstSeenDownAt = seen.firstSeenDownAt ?? now;
			if (shouldReactivate) {
				error = await reactivate(this, hook);
				reactivated = error === undefined;
			}
		}
		rows.push({
			id: hook.ID,
			name: hook.Name ?? null,
			type: hook.Type,
			url: hook.ExternalURL,
			authorizationType: hook.ExternalAuthorizationType ?? null,
			isActive: hook.IsActive || reactivated,
			wasDown,
			downSince: wasDown ? (seen.firstSeenDownAt ?? now) : null,
			lastSeenActiveAt: seen.lastSeenActiveAt ?? null,
			reactivated,
			checkedAt: now,
			...(error ? { error } : {}),
		});
		if (hook.IsActive || reactivated) {
			seen.lastSeenActiveAt = now;
			delete seen.firstSeenDownAt;
		}
	}
	return rows;
}
