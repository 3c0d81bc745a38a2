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

/** One resource: its label in the Resource selector, its value, and its fields (Operation selector first). */
export interface NodeResource {
	name: string;
	value: string;
	properties: INodeProperties[];
}

export interface ResourceDescription {
	/** The Resource selector, then every resource's fields in the order given. */
	properties: INodeProperties[];
	/** `resource:operation` → the operation's action label. */
	subtitle: string;
}

/**
 * Builds an action node's properties and subtitle from its resources. The selector lists the
 * resources by name, as n8n's options rule wants (its lint cannot read an options list built here).
 * A default that is not a resource, or a resource named twice, is a programming error and throws
 * when the node module loads, so the conformance test catches it.
 */
export function resourceDescription(defaultResource: string, resources: NodeResource[]): ResourceDescription {
	const values = resources.map((r) => r.value);
	const repeated = values.filter((v, i) => values.indexOf(v) !== i);
	if (repeated.length > 0) throw new Error(`Resource selector: the resource "${repeated[0]}" is listed twice`);
	if (!values.includes(defaultResource)) {
		throw new Error(`Resource selector: the default "${defaultResource}" is not one of ${values.join(', ')}`);
	}
	const selector: INodeProperties = {
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [...resources]
			.sort((a, b) => a.name.localeCompare(b.name))
			.map(({ name, value }) => ({ name, value })),
		default: defaultResource,
	};
	const properties = [selector, ...resources.flatMap((r) => r.properties)];
	return { properties, subtitle: actionSubtitle(properties) };
}
