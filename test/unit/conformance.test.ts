/**
 * Every node this package registers follows the one shape of docs/architecture.md: a new system
 * or operation that strays from it fails here, whichever system it belongs to.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { INode, INodeParameters, INodeProperties, INodePropertyCollection, INodePropertyOptions, INodeType, INodeTypes } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

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
/** Polling and webhook triggers: their subtitle names the event. */
const eventNodes = nodes.filter((n) => !n.routes);

/** The subtitle n8n's editor shows for these parameters, evaluated by n8n's own expression engine. */
function subtitleOf(node: INodeType, parameters: INodeParameters): unknown {
	const nodeTypes = { getByName: () => node, getByNameAndVersion: () => node, getKnownTypes: () => ({}) } as unknown as INodeTypes;
	const canvasNode: INode = { id: 'n1', name: 'Node', type: `n8n-nodes-cin7.${node.description.name}`, typeVersion: 1, position: [0, 0], parameters };
	const workflow = new Workflow({ nodes: [canvasNode], connections: {}, active: false, nodeTypes });
	return workflow.expression.getSimpleParameterValue(canvasNode, node.description.subtitle as string, 'internal', {});
}

const optionsOf = (prop: INodeProperties | undefined) => (prop?.options ?? []) as INodePropertyOptions[];

/** The node picker's search: a term found in the display name or a codex alias (case-insensitive). */
function codexOf(file: string): { node?: string; categories?: string[]; alias?: string[] } | undefined {
	const codex = path.join(ROOT, file.replace(/^dist\//, '').replace(/\.js$/, '.json'));
	return fs.existsSync(codex) ? (JSON.parse(fs.readFileSync(codex, 'utf8')) as { node?: string; categories?: string[]; alias?: string[] }) : undefined;
}
const CODEX_CATEGORIES = ['Data & Storage', 'Finance & Accounting', 'Marketing & Content', 'Productivity', 'Miscellaneous', 'Sales', 'Development', 'Analytics', 'Communication', 'Utility'];

/**
 * Every node's header as workflows and the editor know it: name, display name, icon base, group,
 * credential, kind, and an action node's default resource. The node files keep these fields
 * literal, where n8n's lint reads them (docs/architecture.md, "Node description"); this table pins
 * what they build, so refactoring a node cannot change its identity unnoticed.
 */
type Kind = 'action' | 'polling' | 'webhook';
const HEADERS: Array<[string, string, string, string, string, Kind, string?]> = [
	['cin7Core', 'Cin7 Core', 'cin7Core', 'transform', 'cin7CoreApi', 'action', 'product'],
	['cin7CoreTrigger', 'Cin7 Core Trigger', 'cin7Core', 'trigger', 'cin7CoreApi', 'polling'],
	['cin7CoreWebhookTrigger', 'Cin7 Core Webhook Trigger', 'cin7Core', 'trigger', 'cin7CoreApi', 'webhook'],
	['cin7Omni', 'Cin7 Omni', 'cin7Omni', 'transform', 'cin7OmniApi', 'action', 'contact'],
	['cin7OmniTrigger', 'Cin7 Omni Trigger', 'cin7Omni', 'trigger', 'cin7OmniApi', 'polling'],
	['dotdigital', 'Dotdigital', 'dotdigital', 'output', 'dotdigitalApi', 'action', 'contact'],
	['dotdigitalTrigger', 'Dotdigital Trigger', 'dotdigital', 'trigger', 'dotdigitalApi', 'polling'],
	['emarsys', 'Emarsys', 'emarsys', 'output', 'emarsysApi', 'action', 'contact'],
	['emarsysTrigger', 'Emarsys Trigger', 'emarsys', 'trigger', 'emarsysApi', 'polling'],
	['orderDesk', 'Order Desk', 'orderDesk', 'transform', 'orderDeskApi', 'action', 'order'],
	['orderDeskTrigger', 'Order Desk Trigger', 'orderDesk', 'trigger', 'orderDeskApi', 'polling'],
	['sparkLayer', 'SparkLayer', 'sparkLayer', 'output', 'sparkLayerApi', 'action', 'priceList'],
	['shopifyB2b', 'Shopify B2B', 'shopifyB2b', 'output', 'shopifyB2bApi', 'action', 'customer'],
	['shopifyB2bTrigger', 'Shopify B2B Trigger', 'shopifyB2b', 'trigger', 'shopifyB2bApi', 'polling'],
	['joor', 'JOOR', 'joor', 'output', 'joorApi', 'action', 'order'],
	['joorTrigger', 'JOOR Trigger', 'joor', 'trigger', 'joorApi', 'polling'],
];

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

		it('starts with the Resource selector listing its resources by name, then shows each field for one resource, resource by resource', () => {
			expect(props[0]).toBe(resourceProp);
			const names = optionsOf(resourceProp).map((o) => o.name);
			expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
			const owners = props.slice(1).map((p) => ({ field: p.displayName, resource: (p.displayOptions?.show?.resource ?? []) as string[] }));
			expect(owners.filter((o) => o.resource.length !== 1 || !resources.includes(o.resource[0]))).toEqual([]);
			// A resource's fields in one run: the editor shows them in this order.
			const runs = owners.map((o) => o.resource[0]).filter((r, i, all) => i === 0 || all[i - 1] !== r);
			expect(runs).toEqual([...new Set(runs)]);
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

		it('shows the chosen operation\'s action as its subtitle, for every operation', () => {
			const shown: Array<{ resource: string; operation: string; subtitle: unknown }> = [];
			const wanted: typeof shown = [];
			for (const resource of resources) {
				for (const option of optionsOf(selectorFor(props, resource))) {
					const operation = String(option.value);
					shown.push({ resource, operation, subtitle: subtitleOf(node, { resource, operation }) });
					wanted.push({ resource, operation, subtitle: option.action });
				}
			}
			expect(shown).toEqual(wanted);
			// An operation a newer version added falls back to its own name, never "undefined".
			expect(subtitleOf(node, { resource: resources[0], operation: 'notYetKnown' })).toBe('notYetKnown');
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

		it('asks for record ids with resource locators whose search is registered and whose typed modes are checked', () => {
			const listSearch = (node as { methods?: { listSearch?: Record<string, unknown> } }).methods?.listSearch ?? {};
			const locators = walk(props).filter(({ prop }) => prop.type === 'resourceLocator');
			expect(locators.length).toBeGreaterThan(0);
			for (const { where, prop } of locators) {
				const modes = prop.modes ?? [];
				const method = modes.find((m) => m.name === 'list')?.typeOptions?.searchListMethod;
				expect({ where, method, registered: typeof listSearch[method ?? ''] === 'function' }).toEqual({ where, method, registered: true });
				expect({ where, default: prop.default }).toEqual({ where, default: { mode: 'list', value: '' } });
				for (const mode of modes.filter((m) => m.type === 'string')) {
					expect({ where, mode: mode.name, checked: Boolean(mode.validation?.length && mode.placeholder) }).toEqual({ where, mode: mode.name, checked: true });
				}
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

	describe.each(eventNodes.map((n) => [n.node.description.name, n] as const))('%s', (name, { node }) => {
		const events = optionsOf(node.description.properties.find((p) => p.name === 'event'));

		it(`shows the chosen event's display name as its subtitle, for every event`, () => {
			expect(events.length).toBeGreaterThan(0);
			const shown = events.map((e) => ({ event: e.value, subtitle: subtitleOf(node, { event: e.value }) }));
			expect(shown).toEqual(events.map((e) => ({ event: e.value, subtitle: e.name })));
		});
	});

	describe.each(HEADERS)('%s header', (name, displayName, icon, group, credential, kind, defaultResource) => {
		it('keeps the identity, connections and credential users\' workflows rely on', () => {
			const { node } = nodes.find((n) => n.node.description.name === name) as Registered;
			const d = node.description;
			const resource = d.properties.find((p) => p.name === 'resource');
			expect({
				displayName: d.displayName,
				icon: d.icon,
				group: d.group,
				version: d.version,
				defaults: d.defaults,
				usableAsTool: d.usableAsTool,
				inputs: d.inputs,
				outputs: d.outputs,
				credentials: d.credentials,
				polling: d.polling,
				webhooks: d.webhooks,
				runs: { execute: typeof node.execute, poll: typeof node.poll, webhook: typeof node.webhook },
				defaultResource: resource?.default,
			}).toEqual({
				displayName,
				icon: { light: `file:${icon}.svg`, dark: `file:${icon}.dark.svg` },
				group: [group],
				version: 1,
				defaults: { name: displayName },
				usableAsTool: kind === 'action' ? true : undefined,
				inputs: kind === 'action' ? ['main'] : [],
				outputs: ['main'],
				credentials: [{ name: credential, required: true }],
				polling: kind === 'polling' ? true : undefined,
				webhooks: kind === 'webhook' ? [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }] : undefined,
				runs: {
					execute: kind === 'action' ? 'function' : 'undefined',
					poll: kind === 'polling' ? 'function' : 'undefined',
					webhook: kind === 'webhook' ? 'function' : 'undefined',
				},
				defaultResource,
			});
			expect(d.description.length).toBeGreaterThan(20);
		});
	});

	it('the header table covers every registered node', () => {
		expect(HEADERS.map(([name]) => name).sort()).toEqual(nodes.map((n) => n.node.description.name).sort());
	});

	describe.each(nodes.map((n) => [n.node.description.name, n] as const))('%s codex', (_name, { file, node }) => {
		const codex = codexOf(file);

		it('has a codex file beside the node, named for it, in n8n\'s categories, with search aliases', () => {
			expect(codex?.node).toBe(`n8n-nodes-cin7.${node.description.name}`);
			for (const category of codex?.categories ?? []) expect(CODEX_CATEGORIES).toContain(category);
			expect(codex?.alias?.length).toBeGreaterThan(0);
		});
	});

	it.each([
		['DEAR', ['cin7Core', 'cin7CoreTrigger', 'cin7CoreWebhookTrigger']],
		['inventory', ['cin7Core', 'cin7CoreTrigger', 'cin7CoreWebhookTrigger', 'cin7Omni', 'cin7OmniTrigger']],
		['stock', ['cin7Core', 'cin7CoreTrigger', 'cin7CoreWebhookTrigger', 'cin7Omni', 'cin7OmniTrigger']],
		['available to sell', ['cin7Core', 'cin7CoreTrigger', 'cin7CoreWebhookTrigger', 'cin7Omni', 'cin7OmniTrigger']],
		['ERP', ['cin7Core', 'cin7CoreTrigger', 'cin7CoreWebhookTrigger', 'cin7Omni', 'cin7OmniTrigger']],
		['email marketing', ['dotdigital', 'dotdigitalTrigger']],
		['dotmailer', ['dotdigital', 'dotdigitalTrigger']],
	])('searching the node picker for "%s" finds %j', (term, expected) => {
		const found = nodes
			.filter(({ file, node }) =>
				[node.description.displayName, ...(codexOf(file)?.alias ?? [])].some((t) => t.toLowerCase().includes(term.toLowerCase())),
			)
			.map(({ node }) => node.description.name);
		expect(found.sort()).toEqual([...expected].sort());
	});

	it('the build copies the codex files beside the compiled nodes (tsc with resolveJsonModule and nodes/**/*.json)', () => {
		const tsconfig = JSON.parse(fs.readFileSync(path.join(ROOT, 'tsconfig.json'), 'utf8')) as { compilerOptions: { resolveJsonModule?: boolean }; include: string[] };
		expect(tsconfig.compilerOptions.resolveJsonModule).toBe(true);
		expect(tsconfig.include).toContain('nodes/**/*.json');
	});
});

