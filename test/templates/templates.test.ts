/**
 * Static checks of every shipped template in workflows/: it parses, has a fixed id, uses only node
 * types and parameters that exist, references credentials by type and fixed name, holds no secrets.
 */
import * as fs from 'fs';
import * as path from 'path';

import { isShown, loadBuiltins, loadOurNodes, PREFIX, ROOT, type Prop } from './nodeCatalog';

const WORKFLOWS = path.join(ROOT, 'workflows');
const files = fs.existsSync(WORKFLOWS) ? fs.readdirSync(WORKFLOWS).filter((f) => f.endsWith('.json')).sort() : [];

/** Fixed credential name and placeholder id per credential type (the demo and e2e import these ids). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { FIXED_CREDENTIALS: CREDENTIALS } = require('../../scripts/lib/credentials') as {
	FIXED_CREDENTIALS: Record<string, { name: string; id: string }>;
};

const SECRET_PARAM = /(password|passwd|secret|apikey|api_key|applicationkey|token|accesskey)$/i;

/** The sandbox's systems (sandbox/systems.js): each one's fixed login and how a client sends it. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { SYSTEMS } = require('../../sandbox/systems') as {
	SYSTEMS: Array<{ key: string; login: Record<string, string>; auth: { headers?: Record<string, string> } }>;
};
const literal = (s: string) => new RegExp(s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');

/**
 * Per system, from the registry: the secret fields of its sandbox login (named like a secret, e.g.
 * applicationKey, apiKey, password) and the names of auth headers that carry a secret (a template
 * setting such a header by hand would hold the key).
 */
const SANDBOX_SECRETS = SYSTEMS.map((s) => ({
	key: s.key,
	patterns: [
		...Object.entries(s.login).filter(([k]) => SECRET_PARAM.test(k)).map(([, v]) => literal(v)),
		...Object.keys(s.auth.headers ?? {}).filter((h) => SECRET_PARAM.test(h)).map(literal),
	],
}));

/** Sandbox secrets and shapes of real secrets that must never appear in a template. */
const SECRET_PATTERNS: RegExp[] = [
	...SANDBOX_SECRETS.flatMap((s) => s.patterns),
	/\bBearer\s+[A-Za-z0-9._-]{8,}/,
	/\bBasic\s+[A-Za-z0-9+/=]{12,}/,
	/-----BEGIN [A-Z ]*PRIVATE KEY-----/,
	/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b.*key/i,
];

const ours = loadOurNodes();
const builtins = loadBuiltins();
const catalog = new Map([...builtins.nodes, ...ours.nodes]);
const readme = fs.existsSync(path.join(WORKFLOWS, 'README.md')) ? fs.readFileSync(path.join(WORKFLOWS, 'README.md'), 'utf8') : '';

function strings(v: unknown, at: string, out: Array<[string, string]> = []): Array<[string, string]> {
	if (typeof v === 'string') out.push([at, v]);
	else if (Array.isArray(v)) v.forEach((x, i) => strings(x, `${at}[${i}]`, out));
	else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) strings(x, `${at}.${k}`, out);
	return out;
}

interface WfNode {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	position: number[];
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id?: string; name: string }>;
	notes?: string;
}

test.each(SANDBOX_SECRETS.map((s) => [s.key, s.patterns]))('the secret check knows the sandbox secret of %s', (_key, patterns) => {
	expect(patterns.length).toBeGreaterThan(0);
});

test('workflows/ holds templates', () => {
	expect(files.length).toBeGreaterThan(0);
});

test('our node descriptions load (every node listed in package.json that a template uses)', () => {
	const used = new Set<string>();
	for (const f of files) {
		for (const n of JSON.parse(fs.readFileSync(path.join(WORKFLOWS, f), 'utf8')).nodes ?? []) used.add(n.type);
	}
	const relevant = ours.failures.filter((msg) =>
		[...used].some((t) => t.startsWith(PREFIX) && msg.toLowerCase().includes(t.slice(PREFIX.length).toLowerCase())),
	);
	expect(relevant).toEqual([]);
});

describe.each(files)('%s', (file) => {
	const text = fs.readFileSync(path.join(WORKFLOWS, file), 'utf8');
	let wf: { id: string; name: string; nodes: WfNode[]; connections: Record<string, { main?: Array<Array<{ node: string }>> }>; settings?: Record<string, unknown> };

	test('parses, with name, nodes, connections and settings.executionOrder v1', () => {
		wf = JSON.parse(text);
		expect(typeof wf.name).toBe('string');
		expect(Array.isArray(wf.nodes)).toBe(true);
		expect(typeof wf.connections).toBe('object');
		expect(wf.settings?.executionOrder).toBe('v1');
	});

	test('has a fixed 16-character id with a digit (n8n execute-batch keeps only ids with digits), unique across templates', () => {
		expect(wf.id).toMatch(/^[A-Za-z0-9]{16}$/);
		expect(wf.id).toMatch(/\d/);
		const others = files
			.filter((f) => f !== file)
			.map((f) => JSON.parse(fs.readFileSync(path.join(WORKFLOWS, f), 'utf8')).id);
		expect(others).not.toContain(wf.id);
	});

	test('node notes hold no line with exactly one "=" (n8n execute-batch reads it as a test directive and hides errors)', () => {
		const directives = wf.nodes.flatMap((n) =>
			String(n.notes ?? '')
				.split('\n')
				.filter((line) => line.split('=').length === 2)
				.map((line) => `${n.name}: ${line}`),
		);
		expect(directives).toEqual([]);
	});

	test('node names and ids are unique; connections point at existing nodes', () => {
		const names = wf.nodes.map((n) => n.name);
		expect(new Set(names).size).toBe(names.length);
		const ids = wf.nodes.map((n) => n.id);
		expect(new Set(ids).size).toBe(ids.length);
		for (const [from, outs] of Object.entries(wf.connections)) {
			expect(names).toContain(from);
			for (const branch of outs.main ?? []) for (const c of branch ?? []) expect(names).toContain(c.node);
		}
	});

	test('uses only node types that exist (ours prefixed n8n-nodes-cin7., or n8n built-ins) at a version they have', () => {
		for (const n of wf.nodes) {
			expect(n.type).not.toMatch(/^CUSTOM\./);
			if (!n.type.startsWith('n8n-nodes-base.')) expect(n.type.startsWith(PREFIX)).toBe(true);
			const entry = catalog.get(n.type);
			if (!entry) throw new Error(`${file}: node "${n.name}" has unknown type ${n.type}`);
			const versions = ([] as number[]).concat(entry.desc.version);
			if (!versions.includes(n.typeVersion)) {
				throw new Error(`${file}: node "${n.name}" (${n.type}) typeVersion ${n.typeVersion} not in [${versions}]`);
			}
		}
	});

	test('can be run headlessly: has a Manual Trigger (for n8n execute) or one of our polling triggers', () => {
		const runnable = wf.nodes.some(
			(n) => n.type === 'n8n-nodes-base.manualTrigger' || (n.type.startsWith(PREFIX) && catalog.get(n.type)?.desc.polling),
		);
		expect(runnable).toBe(true);
	});

	test('our nodes: every parameter exists and is shown for the node\'s resource/operation; option values are valid', () => {
		const problems: string[] = [];
		for (const n of wf.nodes.filter((x) => x.type.startsWith(PREFIX))) {
			const entry = catalog.get(n.type);
			if (!entry) continue; // reported above
			const props = entry.desc.properties as Prop[];
			for (const [key, value] of Object.entries(n.parameters ?? {})) {
				if (key === 'pollTimes' && entry.desc.polling) continue; // injected by n8n for polling nodes
				const candidates = props.filter((p) => p.name === key);
				if (!candidates.length) {
					problems.push(`"${n.name}": parameter ${key} does not exist`);
					continue;
				}
				const shown = candidates.filter((p) => isShown(p, n.parameters, props, n.typeVersion));
				if (!shown.length) {
					problems.push(`"${n.name}": parameter ${key} is not shown for ${JSON.stringify(pick(n.parameters, ['resource', 'operation']))}`);
					continue;
				}
				const p = shown[0];
				const isExpr = typeof value === 'string' && value.startsWith('=');
				if (!isExpr && p.type === 'options' && p.options && !p.typeOptions?.loadOptionsMethod) {
					const allowed = p.options.map((o) => o.value);
					if (!allowed.includes(value)) problems.push(`"${n.name}": ${key}=${JSON.stringify(value)} not in ${JSON.stringify(allowed)}`);
				}
				if (!isExpr && p.type === 'boolean' && typeof value !== 'boolean') problems.push(`"${n.name}": ${key} must be a boolean`);
				if (!isExpr && p.type === 'number' && typeof value !== 'number') problems.push(`"${n.name}": ${key} must be a number`);
				if (!isExpr && p.type === 'multiOptions' && !Array.isArray(value)) problems.push(`"${n.name}": ${key} must be an array`);
				if (p.type === 'resourceLocator') {
					// What the editor saves: {__rl, mode, value}; a plain string would show as an unset locator.
					const rl = value as { __rl?: unknown; mode?: unknown; value?: unknown } | null;
					const modes = (p.modes ?? []).map((m) => m.name);
					if (!rl || typeof rl !== 'object' || rl.__rl !== true) problems.push(`"${n.name}": ${key} must be a resource locator value {"__rl": true, "mode", "value"}`);
					else if (!modes.includes(String(rl.mode))) problems.push(`"${n.name}": ${key} mode ${JSON.stringify(rl.mode)} not in ${JSON.stringify(modes)}`);
					else if (typeof rl.value !== 'string' && typeof rl.value !== 'number') problems.push(`"${n.name}": ${key} has no value`);
				}
			}
		}
		expect(problems).toEqual([]);
	});

	test('built-in nodes: every top-level parameter is a property of that node', () => {
		if (!builtins.fromRuntime) return; // no property lists without the installed n8n
		const problems: string[] = [];
		for (const n of wf.nodes.filter((x) => x.type.startsWith('n8n-nodes-base.'))) {
			const props = catalog.get(n.type)?.desc.properties ?? [];
			for (const key of Object.keys(n.parameters ?? {})) {
				if (!props.some((p) => p.name === key)) problems.push(`"${n.name}" (${n.type}): unknown parameter ${key}`);
			}
		}
		expect(problems).toEqual([]);
	});

	test('credentials are referenced by type with the fixed name and placeholder id, only types the node declares', () => {
		for (const n of wf.nodes) {
			for (const [type, ref] of Object.entries(n.credentials ?? {})) {
				const declared = (catalog.get(n.type)?.desc.credentials ?? []).map((c) => c.name);
				if (catalog.get(n.type)?.ours) expect(declared).toContain(type);
				const fixed = CREDENTIALS[type];
				if (!fixed) throw new Error(`${file}: "${n.name}" uses credential type ${type} with no fixed name in CREDENTIALS`);
				expect(ref).toEqual({ id: fixed.id, name: fixed.name });
			}
			// Our nodes that need a credential must reference it.
			const required = (catalog.get(n.type)?.desc.credentials ?? []) as Array<{ name: string; required?: boolean }>;
			if (catalog.get(n.type)?.ours) {
				for (const c of required.filter((x) => x.required)) expect(Object.keys(n.credentials ?? {})).toContain(c.name);
			}
		}
	});

	test('holds no secrets', () => {
		const found: string[] = [];
		for (const [at, s] of strings(JSON.parse(text), '$')) {
			for (const re of SECRET_PATTERNS) if (re.test(s)) found.push(`${at}: matches ${re}`);
			const key = at.split('.').pop() ?? '';
			if (SECRET_PARAM.test(key) && s.trim() && !s.startsWith('=')) found.push(`${at}: a secret-looking parameter has a value`);
		}
		expect(found).toEqual([]);
	});

	test('is listed in workflows/README.md', () => {
		expect(readme).toContain(file);
	});
});

function pick(o: Record<string, unknown>, keys: string[]) {
	return Object.fromEntries(keys.filter((k) => k in o).map((k) => [k, o[k]]));
}
