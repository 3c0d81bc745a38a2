// The systems registry (sandbox/systems.js): every entry complete and consistent with the files it
// names (emulation module, credential file, bench scenarios), the templates in workflows/ reference
// only credentials it knows, and what is derived from it (credentials, sandbox routes) is unchanged.
import * as fs from 'fs';
import * as path from 'path';
import { start, call, Started } from './helpers';

/* eslint-disable @typescript-eslint/no-require-imports */
const registry = require('../../../sandbox/systems');
const credLib = require('../../../scripts/lib/credentials');
const { resolveSize, buildState } = require('../../../sandbox/seed');
/* eslint-enable @typescript-eslint/no-require-imports */

const ROOT = path.resolve(__dirname, '..', '..', '..');
const SYSTEMS: any[] = registry.SYSTEMS;
const THROTTLE_FORMS = ['429', '503', '429text'];
const EMULATION_API = ['route', 'authenticate', 'rateKey', 'throttle', 'errorBody', 'handle', 'snapshot', 'mutate'];
const unique = (xs: unknown[]) => new Set(xs).size === xs.length;

describe('sandbox systems registry', () => {
	it('lists the systems in order, with a by-key lookup', () => {
		// the first three keep their order (their seed streams and data depend on it); new systems append
		expect(registry.KEYS.slice(0, 3)).toEqual(['cin7core', 'cin7omni', 'dotdigital']);
		for (const s of SYSTEMS) expect(registry.BY_KEY[s.key]).toBe(s);
		expect(registry.entry('CIN7CORE')).toBe(registry.BY_KEY.cin7core);
		expect(() => registry.entry('nope')).toThrow(/unknown sandbox system/);
	});

	it.each(SYSTEMS.map((s) => [s.key, s]))('%s has every required field', (key, s) => {
		expect(key).toMatch(/^[a-z][a-z0-9]*$/);
		expect(typeof s.label).toBe('string');
		expect(s.emulation).toMatch(/^\.\/[\w-]+$/);
		expect(s.basePath.startsWith(`/${key}/`)).toBe(true);
		for (const paths of Object.values(s.extraBaseUrls ?? {}) as string[][]) for (const p of paths) expect(p.startsWith(`/${key}/`)).toBe(true);
		expect(s.probe).toMatch(/^\//);
		expect(s.credential).toEqual({ type: expect.any(String), id: expect.any(String), name: expect.any(String), file: expect.stringMatching(/^\w+\.credentials\.ts$/) });
		expect(typeof s.loginKey).toBe('string');
		expect(Object.keys(s.login).length).toBeGreaterThan(0);
		expect(s.auth.headers || s.auth.basic).toBeTruthy();
		expect(typeof s.credentialData).toBe('function');
		expect(s.credentialData('http://h', 1).baseUrl).toBe(`http://h${s.basePath}`);
		expect(Object.keys(s.rateLimits).length).toBeGreaterThan(0);
		for (const k of s.logCollections ?? []) expect(typeof k).toBe('string');
		expect(s.throttle.forms.length).toBeGreaterThan(0);
		for (const f of s.throttle.forms) expect(THROTTLE_FORMS).toContain(f);
		if (s.throttle.option) expect(Object.keys(s.options)).toContain(s.throttle.option);
		for (const o of Object.values(s.options ?? {}) as any[]) expect(typeof o.normalize).toBe('function');
		expect(Number.isInteger(s.seed.salt)).toBe(true);
		expect(typeof s.seed.build).toBe('function');
		expect(typeof s.seed.scale).toBe('function');
		expect(Object.keys(s.seed.sizes.demo).sort()).toEqual(Object.keys(s.seed.sizes.bench).sort());
		expect(Object.keys(s.seed.scale(1000, 1000 / 300)).sort()).toEqual(Object.keys(s.seed.sizes.demo).sort());
		expect(typeof s.bench.scenarios).toBe('string');
		expect(typeof s.bench.factsKey).toBe('string');
		expect(typeof s.bench.facts).toBe('function');
	});

	it('has no two systems sharing a key, credential, login key, seed stream, size name or facts key', () => {
		expect(unique(SYSTEMS.map((s) => s.key))).toBe(true);
		expect(unique(SYSTEMS.map((s) => s.credential.type))).toBe(true);
		expect(unique(SYSTEMS.map((s) => s.credential.id))).toBe(true);
		expect(unique(SYSTEMS.map((s) => s.credential.name))).toBe(true);
		expect(unique(SYSTEMS.map((s) => s.loginKey))).toBe(true);
		expect(unique(SYSTEMS.map((s) => s.seed.salt))).toBe(true);
		expect(unique(SYSTEMS.flatMap((s) => Object.keys(s.seed.sizes.demo)))).toBe(true);
		expect(unique(SYSTEMS.flatMap((s) => Object.keys(s.rateLimits)))).toBe(true);
		expect(unique(SYSTEMS.map((s) => s.bench.factsKey))).toBe(true);
	});

	it.each(SYSTEMS.map((s) => [s.key, s]))('%s: emulation module, credential file and bench scenarios exist', (key, s) => {
		const mod = registry.emulation(s);
		for (const fn of EMULATION_API) expect(typeof mod[fn]).toBe('function');
		if (s.seed.prepare) expect(typeof mod.prepare).toBe('function');
		const file = path.join(ROOT, 'credentials', s.credential.file);
		expect(fs.existsSync(file)).toBe(true);
		const src = fs.readFileSync(file, 'utf8');
		expect(src).toContain(`name = '${s.credential.type}'`);
		expect(src).toContain(`class ${s.credential.file.replace(/\.credentials\.ts$/, '')} `);
		const scenarios = registry.benchScenarios(s);
		expect(scenarios.length).toBeGreaterThan(0);
		for (const sc of scenarios) {
			expect(sc.system).toBe(key);
			for (const other of sc.systems) expect(registry.KEYS).toContain(other);
		}
	});

	it('every template in workflows/ references only credentials the registry knows, by their fixed id and name', () => {
		const byType = new Map(SYSTEMS.map((s) => [s.credential.type, s.credential]));
		const files = fs.readdirSync(path.join(ROOT, 'workflows')).filter((f) => f.endsWith('.json'));
		expect(files.length).toBeGreaterThan(0);
		for (const f of files) {
			const wf = JSON.parse(fs.readFileSync(path.join(ROOT, 'workflows', f), 'utf8'));
			for (const n of wf.nodes ?? []) {
				for (const [type, ref] of Object.entries((n.credentials ?? {}) as Record<string, { id?: string; name: string }>)) {
					const known = byType.get(type);
					expect({ file: f, node: n.name, type, known: !!known }).toEqual({ file: f, node: n.name, type, known: true });
					expect({ file: f, node: n.name, id: ref.id, name: ref.name }).toEqual({ file: f, node: n.name, id: known.id, name: known.name });
				}
			}
		}
	});

	it('scripts/lib/credentials keeps its exports (derived from the registry)', () => {
		expect(Object.keys(credLib.FIXED_CREDENTIALS)).toEqual(SYSTEMS.map((s) => s.credential.type));
		expect(credLib.FIXED_CREDENTIALS).toMatchObject({
			cin7CoreApi: { id: 'cin7CoreCred0001', name: 'Cin7 Core account', file: 'Cin7CoreApi.credentials.ts' },
			cin7OmniApi: { id: 'cin7OmniCred0001', name: 'Cin7 Omni account', file: 'Cin7OmniApi.credentials.ts' },
			dotdigitalApi: { id: 'dotdigitalCred01', name: 'Dotdigital account', file: 'DotdigitalApi.credentials.ts' },
		});
		expect(Object.keys(credLib.SANDBOX_LOGINS)).toEqual(SYSTEMS.map((s) => s.loginKey));
		expect(credLib.SANDBOX_LOGINS).toMatchObject({
			core: { accountId: 'sandbox-core-account', applicationKey: 'sandbox-core-key-7f3a9c' },
			omni: { username: 'sandbox-omni-user', apiKey: 'sandbox-omni-key-4b8e2d' },
			dotdigital: { username: 'apiuser-sandbox@apiconnector.com', password: 'sandbox-dd-pass-9c1e5a' },
		});
		const creds = credLib.sandboxCredentials('http://127.0.0.1:4010/', { speedUp: 60 });
		expect(creds.map((c: any) => c.type)).toEqual(SYSTEMS.map((s) => s.credential.type));
		for (const c of creds) {
			const s = SYSTEMS.find((x) => x.credential.type === c.type);
			expect([c.id, c.name]).toEqual([s.credential.id, s.credential.name]);
			expect(c.data.baseUrl).toBe(`http://127.0.0.1:4010${s.basePath}`);
			const declared = credLib.credentialFields(s.credential.file);
			for (const k of Object.keys(c.data)) expect(declared.has(k)).toBe(true);
		}
		const core = creds.find((c: any) => c.type === 'cin7CoreApi').data;
		expect(core.callsPerMinute).toBe(3600);
	});

	it('seed sizes and streams come from the registry', () => {
		const demo = resolveSize('demo');
		expect(Object.keys(demo)).toEqual(SYSTEMS.flatMap((s) => Object.keys(s.seed.sizes.demo)));
		expect(Object.keys(resolveSize(1234))).toEqual(Object.keys(demo));
		expect(resolveSize('no-such-size')).toEqual(demo);
		const state = buildState({ size: 7, seed: 1 });
		expect(Object.keys(state)).toEqual(['meta', ...registry.KEYS]);
	});
});

describe('sandbox routes derived from the registry', () => {
	let sb: Started;
	beforeAll(async () => { sb = await start({ timeScale: 60 }); });
	afterAll(() => sb.close());

	it('health lists every system and its base URLs', async () => {
		const h = await call(`${sb.url}/_sandbox/health`);
		expect(h.body.systems).toEqual(registry.KEYS);
		expect(h.body.baseUrls).toEqual(registry.baseUrls(sb.url));
		expect(h.body.baseUrls.dotdigitalRegions).toEqual(['r1', 'r2', 'r3'].map((r) => `${sb.url}/dotdigital/${r}`));
		const all = await call(`${sb.url}/_sandbox/state`);
		expect(Object.keys(all.body)).toEqual(['meta', ...registry.KEYS]);
		const stats = await call(`${sb.url}/_sandbox/stats`);
		expect(Object.keys(stats.body.systems)).toEqual(registry.KEYS);
		for (const s of SYSTEMS) for (const k of s.logCollections ?? []) expect(Array.isArray(all.body[s.key][k])).toBe(true);
	}, 30_000); // seeds every system's data (state), slow on a loaded machine

	it("the rate limiter holds exactly the registry's rate limits (no other copy)", () => {
		expect(sb.sandbox.limiter.limits).toEqual(registry.rateLimits());
	});

	it('names every system when the path or a mutate names none', async () => {
		const r = await call(`${sb.url}/nosuchsystem/x`);
		expect(r.status).toBe(404);
		expect(r.body.message).toBe(`Unknown sandbox system. Use ${registry.keyList('/')}.`);
		expect(registry.keyList('/')).toMatch(/^\/cin7core, \/cin7omni, \/dotdigital(, \/\w+)* or \/\w+$/);
		const m = await call(`${sb.url}/_sandbox/mutate`, { method: 'POST', body: { system: 'nope' } });
		expect(m.status).toBe(400);
		expect(m.body.error).toBe(`system must be ${registry.keyList()}`);
	});

	it.each(SYSTEMS.map((s) => [s.key, s]))('%s accepts its registry login on its base URL and refuses none', async (key, s) => {
		const ok = await call(`${sb.url}${s.basePath}${s.probe}`, { headers: registry.authHeaders(s) });
		expect(ok.status).toBe(200);
		const denied = await call(`${sb.url}${s.basePath}${s.probe}`);
		expect([401, 403]).toContain(denied.status);
		const log = await call(`${sb.url}/_sandbox/requests?system=${key}&limit=2`);
		expect(log.body.map((r: any) => r.system)).toEqual([key, key]);
	});
});
