import type { INodeProperties } from 'n8n-workflow';

import { actionSubtitle } from './subtitle';

/**
 * The part of an action node's description that every system builds the same way
 * (docs/architecture.md, "Node description"): the Resource selector, each resource's own fields
 * after it, and the canvas subtitle read from those fields.
 *
 * The rest of the header (display name, name, icon, group, version, description, defaults,
 * usableAsTool, inputs, outputs, credentials, webhooks) stays a literal in the node file: n8n's
 * community-node lint reads those fields from the class's `description` object literal and goes
 * blind, or fails, when they come from a call.
 */

/** A node's resources by value, in the order their fields are shown: each resource's `index.ts` module. */
export type NodeResources = Record<string, { description: INodeProperties[] }>;

export interface ResourceDescription {
	/** The Resource selector, then every resource's fields in the order given. */
	properties: INodeProperties[];
	/** `resource:operation` → the operation's action label. */
	subtitle: string;
}

/** How a resource value reads in the selector: `priceTier` → "Price Tier". */
export function resourceLabel(value: string): string {
	const words = value.replace(/([a-z0-9])([A-Z])/g, '$1 $2');
	return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Builds an action node's properties and subtitle from its resources. The selector names each
 * resource by `resourceLabel` unless `labels` gives it another name (a vendor's acronym), and lists
 * them by name, as n8n's options rule wants (its lint cannot read an options list built here).
 * A default or a label for a resource the node does not have is a programming error: it throws when
 * the node module loads, so the conformance test catches it.
 */
export function resourceDescription(
	defaultResource: string,
	resources: NodeResources,
	labels: Record<string, string> = {},
): ResourceDescription {
	const values = Object.keys(resources);
	for (const value of [defaultResource, ...Object.keys(labels)]) {
		if (!values.includes(value)) {
			throw new Error(`Resource selector: "${value}" is not one of the resources ${values.join(', ')}`);
		}
	}
	const selector: INodeProperties = {
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: values
			.map((value) => ({ name: labels[value] ?? resourceLabel(value), value }))
			.sort((a, b) => a.name.localeCompare(b.name)),
		default: defaultResource,
	};
	const properties = [selector, ...values.flatMap((value) => resources[value].description)];
	return { properties, subtitle: actionSubtitle(properties) };
}
