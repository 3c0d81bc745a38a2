/**
 * Which node types and credential types a template may use: ours (read from the TypeScript node
 * descriptions listed in package.json, loaded through ts-jest) and n8n's built-ins (from the
 * installed n8n-nodes-base in .n8n-runtime, else a short known list).
 */
import * as fs from 'fs';
import * as path from 'path';

export const ROOT = path.resolve(__dirname, '..', '..');
export const PACKAGE = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
export const PREFIX = `${PACKAGE.name}.`;

export interface Prop {
	name: string;
	type: string;
	default?: unknown;
	options?: Array<{ name?: string; value?: unknown; values?: Prop[] }>;
	displayOptions?: { show?: Record<string, unknown[]>; hide?: Record<string, unknown[]> };
	typeOptions?: Record<string, unknown>;
	/** A resource locator's modes (list, id, …). */
	modes?: Array<{ name: string }>;
}
export interface NodeDesc {
	name: string;
	version: number | number[];
	properties: Prop[];
	credentials?: Array<{ name: string }>;
	polling?: boolean;
	group?: string[];
}
export interface CatalogEntry {
	desc: NodeDesc;
	source: string;
	ours: boolean;
}

/** `dist/nodes/X/Y.node.js` → `nodes/X/Y.node.ts` */
const toSource = (dist: string) => path.join(ROOT, dist.replace(/^dist\//, '').replace(/\.js$/, '.ts'));

export function loadOurNodes(): { nodes: Map<string, CatalogEntry>; failures: string[] } {
	const nodes = new Map<string, CatalogEntry>();
	const failures: string[] = [];
	for (const dist of (PACKAGE.n8n?.nodes ?? []) as string[]) {
		const src = toSource(dist);
		if (!fs.existsSync(src)) {
			failures.push(`${path.relative(ROOT, src)} (listed in package.json) does not exist`);
			continue;
		}
		try {
			// eslint-disable-next-line @typescript-eslint/no-require-imports
			const mod = require(src);
			for (const Cls of Object.values(mod)) {
				if (typeof Cls !== 'function') continue;
				const inst = new (Cls as new () => { description?: NodeDesc })();
				if (inst.description?.name) {
					nodes.set(PREFIX + inst.description.name, { desc: inst.description, source: src, ours: true });
				}
			}
		} catch (e) {
			failures.push(`${path.relative(ROOT, src)} failed to load: ${(e as Error).message.split('\n')[0]}`);
		}
	}
	return { nodes, failures };
}

const BUILTIN_TYPES = path.join(ROOT, '.n8n-runtime', 'node_modules', 'n8n-nodes-base', 'dist', 'types', 'nodes.json');

/** Used only when the runtime is not installed: type → versions, no parameter lists. */
const KNOWN_BUILTINS: Record<string, number[]> = {
	manualTrigger: [1],
	scheduleTrigger: [1, 1.1, 1.2, 1.3, 1.4],
	stickyNote: [1],
	noOp: [1],
	filter: [1, 2, 2.1, 2.2, 2.3],
	if: [1, 2, 2.1, 2.2, 2.3],
	switch: [1, 2, 3, 3.1, 3.2, 3.3],
	set: [1, 2, 3, 3.1, 3.2, 3.3, 3.4],
	code: [1, 2],
	merge: [1, 2, 2.1, 3, 3.1, 3.2],
	splitInBatches: [1, 2, 3],
	httpRequest: [1, 2, 3, 4, 4.1, 4.2, 4.3],
	webhook: [1, 1.1, 2, 2.1],
	respondToWebhook: [1, 1.1, 1.2, 1.3, 1.4],
	executeWorkflowTrigger: [1, 1.1],
	emailSend: [1, 2, 2.1],
	slack: [1, 2, 2.1, 2.2, 2.3],
	wait: [1, 1.1],
	stopAndError: [1],
	aggregate: [1],
	splitOut: [1],
	removeDuplicates: [1, 1.1, 2],
	noop: [1],
};

export function loadBuiltins(): { nodes: Map<string, CatalogEntry>; fromRuntime: boolean } {
	const nodes = new Map<string, CatalogEntry>();
	if (fs.existsSync(BUILTIN_TYPES)) {
		for (const d of JSON.parse(fs.readFileSync(BUILTIN_TYPES, 'utf8')) as NodeDesc[]) {
			const type = `n8n-nodes-base.${d.name}`;
			const prev = nodes.get(type);
			if (prev) {
				// One entry per major version line: merge versions, keep properties per entry list.
				const versions = ([] as number[]).concat(prev.desc.version, d.version);
				prev.desc = { ...prev.desc, version: versions, properties: [...prev.desc.properties, ...d.properties] };
			} else nodes.set(type, { desc: d, source: BUILTIN_TYPES, ours: false });
		}
		return { nodes, fromRuntime: true };
	}
	for (const [name, version] of Object.entries(KNOWN_BUILTINS)) {
		nodes.set(`n8n-nodes-base.${name}`, { desc: { name, version, properties: [] }, source: 'known list', ours: false });
	}
	return { nodes, fromRuntime: false };
}

/** Evaluates displayOptions.show/hide against the node's parameters (defaults filled in). */
export function isShown(prop: Prop, params: Record<string, unknown>, props: Prop[], version: number): boolean {
	const valueOf = (key: string): unknown => {
		if (key === '@version') return version;
		if (key in params) return params[key];
		return props.find((p) => p.name === key)?.default;
	};
	const matches = (actual: unknown, wanted: unknown[]): boolean =>
		wanted.some((w) => {
			if (w && typeof w === 'object' && '_cnd' in (w as object)) {
				const [op, v] = Object.entries((w as { _cnd: Record<string, unknown> })._cnd)[0];
				const a = actual as number;
				switch (op) {
					case 'eq': return a === v;
					case 'not': return a !== v;
					case 'gte': return a >= (v as number);
					case 'lte': return a <= (v as number);
					case 'gt': return a > (v as number);
					case 'lt': return a < (v as number);
					case 'between': return a >= (v as { from: number }).from && a <= (v as { to: number }).to;
					case 'exists': return actual !== undefined && actual !== null && actual !== '';
					default: return true;
				}
			}
			return Array.isArray(actual) ? actual.includes(w) : actual === w;
		});
	const show = prop.displayOptions?.show ?? {};
	const hide = prop.displayOptions?.hide ?? {};
	for (const [k, wanted] of Object.entries(show)) if (!matches(valueOf(k), wanted)) return false;
	for (const [k, wanted] of Object.entries(hide)) if (matches(valueOf(k), wanted)) return false;
	return true;
}
