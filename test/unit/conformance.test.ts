/**
 * Every node this package registers follows the one shape of docs/architecture.md: a new system
 * or operation that strays from it fails here, whichever system it belongs to.
 */
import * as path from 'path';
import type { INodeProperties, INodePropertyCollection, INodeType } from 'n8n-workflow';

import type { ResourceMap } from '../../nodes/shared/operation';
import { pollSettingsProperties } from '../../nodes/shared/pollSettings';
import { returnAllProperties } from '../../nodes/shared/returnAll';

const ROOT = path.join(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pkg = require(path.join(ROOT, 'package.json')) as { n8n: { nodes: string[] } };

interface Registered {
	file: string;
	node: INodeType;
	routes?: ResourceMap;
}

/** The nodes package.json registers, loaded from source (dist/nodes/X/Y.node.js → nodes/X/Y.node.ts). */
function registeredNodes(): Registered[] {
	return pkg.n8n.nodes.map((dist) => {
		const source = path.join(ROOT, dist.replace(/^dist\//, '').replace(/\.js$/, ''));
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const mod = require(source) as Record<string, new () => INodeType>;
		const NodeClass = Object.values(mod).find((v) => typeof v === 'function') as new () => INodeType;
		const node = new NodeClass();
		let routes: ResourceMap | undefined;
		if (!node.description.polling && !node.description.webhooks) {
			// eslint-disable-next-line @typescript-eslint/no-require-imports
			const router = require(path.join(path.dirname(source), 'actions', 'router')) as {
				router: { resources: ResourceMap };
			};
			routes = router.router.resources;
		}
		return { file: dist, node, routes };
	});
}

const nodes = registeredNodes();
const actionNodes = nodes.filter((n) => n.routes);
const triggers = nodes.filter((n) => n.node.description.polling);

function selectorFor(props: INodeProperties[], resource: string): INodeProperties | undefined {
	return props.find(
		(p) => p.name === 'operation' && (p.displayOptions?.show?.resource as string[] | undefined)?.includes(resource),
	);
}

/** Every parameter, nested collection entries included, with a readable path. */
function walk(props: INodeProperties[], prefix = ''): Array<{ where: string; prop: INodeProperties }> {
	const out: Array<{ where: string; prop: INodeProperties }> = [];
	for (const prop of props) {
		const where = `${prefix}${prop.displayName}`;
		out.push({ where, prop });
		for (const option of (prop.options ?? []) as Array<INodeProperties | INodePropertyCollection>) {
			if ('type' in option && option.type) out.push(...walk([option as INodeProperties], `${where} → `));
			else if ('values' in option && Array.isArray(option.values)) out.push(...walk(option.values, `${where} → `));
		}
	}
	return out;
}

/** Containers (collections, notices) carry a placeholder or text of their own; their fields need descriptions. */
const needsDescription = (p: INodeProperties) => !['collection', 'fixedCollection', 'notice'].includes(p.type);

const pick = (p: INodeProperties) => ({ name: p.name, displayName: p.displayName, type: p.type, default: p.default });

describe('every registered node follows the one shape', () => {
	it('package.json registers action nodes and triggers', () => {
		expect(actionNodes.length).toBeGreaterThan(0);
		expect(triggers.length).toBeGreaterThan(0);
	});

	describe.each(actionNodes.map((n) => [n.node.description.name, n] as const))('%s', (_name, { node, routes }) => {
		const props = node.description.properties;
		const resourceProp = props.find((p) => p.name === 'resource') as INodeProperties;
		const resources = ((resourceProp?.options ?? []) as Array<{ value: string }>).map((o) => o.value);

		it('has a resource selector that cannot vary per item', () => {
			expect(resourceProp).toBeDefined();
			expect(resourceProp.noDataExpression).toBe(true);
		});

		it('routes exactly the resources and operations the editor offers', () => {
			expect(Object.keys(routes as ResourceMap).sort()).toEqual([...resources].sort());
			for (const resource of resources) {
				const selector = selectorFor(props, resource);
				expect(selector).toBeDefined();
				expect(selector?.noDataExpression).toBe(true);
				const offered = ((selector?.options ?? []) as Array<{ value: string }>).map((o) => o.value).sort();
				expect({ resource, operations: Object.keys((routes as ResourceMap)[resource]).sort() }).toEqual({
					resource,
					operations: offered,
				});
			}
		});

		it('labels every operation with an action', () => {
			for (const resource of resources) {
				for (const option of (selectorFor(props, resource)?.options ?? []) as Array<{ name: string; action?: string }>) {
					expect({ resource, operation: option.name, action: typeof option.action === 'string' && option.action.length > 0 }).toEqual({
						resource,
						operation: option.name,
						action: true,
					});
				}
			}
		});

		it('gives every Get Many the shared Return All and Limit', () => {
			const shared = returnAllProperties().map(pick);
			for (const resource of resources) {
				if (!(routes as ResourceMap)[resource].getAll) continue;
				const own = props.filter(
					(p) =>
						(p.name === 'returnAll' || p.name === 'limit') &&
						(p.displayOptions?.show?.resource as string[] | undefined)?.includes(resource) &&
						(p.displayOptions?.show?.operation as string[] | undefined)?.includes('getAll'),
				);
				expect({ resource, fields: own.map(pick) }).toEqual({ resource, fields: shared });
			}
		});

		it('describes every parameter', () => {
			const missing = walk(props)
				.filter(({ prop }) => !['resource', 'operation'].includes(prop.name) && needsDescription(prop))
				.filter(({ prop }) => !prop.description && !prop.hint)
				.map(({ where }) => where);
			expect(missing).toEqual([]);
		});
	});

	describe.each(triggers.map((n) => [n.node.description.name, n] as const))('%s', (_name, { node }) => {
		const props = node.description.properties;

		it('has an event that cannot vary per item', () => {
			const event = props.find((p) => p.name === 'event');
			expect(event?.noDataExpression).toBe(true);
		});

		it('shows the shared poll settings, last and at the top level', () => {
			const shared = pollSettingsProperties().map(pick);
			const names = shared.map((s) => s.name);
			const own = props.filter((p) => names.includes(p.name)).map(pick);
			expect(own).toEqual(shared);
			expect(props.slice(-shared.length).map((p) => p.name)).toEqual(names);
		});

		it('describes every parameter', () => {
			const missing = walk(props)
				.filter(({ prop }) => needsDescription(prop))
				.filter(({ prop }) => !prop.description && !prop.hint)
				.map(({ where }) => where);
			expect(missing).toEqual([]);
		});
	});
});
