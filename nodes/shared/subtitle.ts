import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/**
 * Canvas subtitles as a person reads them (docs/architecture.md, "Operations"): the chosen
 * operation's action label ("Get available to sell") instead of internal names
 * ("getAvailableToSell: stock"), and a trigger's event by its display name. Built from the node's
 * own properties, so a new operation or event is labelled without a list kept by hand.
 *
 * n8n evaluates the subtitle as an expression in the editor; the labels travel in it as one JSON
 * lookup table. An unknown key (a workflow from a newer version) falls back to the raw value.
 */

function optionsOf(property: INodeProperties): INodePropertyOptions[] {
	return ((property.options ?? []) as INodePropertyOptions[]).filter((o) => 'value' in o && !('displayName' in o));
}

// The conformance test evaluates every entry with n8n's own expression engine.
function lookup(table: Record<string, string>, key: string, fallback: string): string {
	return `={{ ${JSON.stringify(table)}[${key}] || ${fallback} }}`;
}

/**
 * An action node's subtitle: `resource:operation` → the operation's `action`, from every
 * Operation selector (one per resource, each shown for its resources).
 */
export function actionSubtitle(properties: INodeProperties[]): string {
	const table: Record<string, string> = {};
	for (const property of properties) {
		if (property.name !== 'operation' || property.type !== 'options') continue;
		const resources = (property.displayOptions?.show?.resource ?? []) as string[];
		for (const resource of resources) {
			for (const option of optionsOf(property)) {
				table[`${resource}:${String(option.value)}`] = option.action ?? option.name;
			}
		}
	}
	return lookup(table, '$parameter["resource"] + ":" + $parameter["operation"]', '$parameter["operation"]');
}

/** A trigger's subtitle: the chosen event's display name. */
export function eventSubtitle(properties: INodeProperties[], parameter = 'event'): string {
	const selector = properties.find((p) => p.name === parameter && p.type === 'options');
	const table: Record<string, string> = {};
	for (const option of selector ? optionsOf(selector) : []) table[String(option.value)] = option.name;
	return lookup(table, `$parameter["${parameter}"]`, `$parameter["${parameter}"]`);
}
