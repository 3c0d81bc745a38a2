/**
 * The one unit-test fixture factory: every system's tests get the same helpers from one call, so
 * a new system's tests start from one line (docs/architecture.md, "Adding a system").
 *
 *   export const core = systemFixture({ credentialType: new Cin7CoreApi(), credentials: {...},
 *     host: 'https://core.test', basePath: '/ExternalApi/v2', node: Cin7Core, trigger: Cin7CoreTrigger });
 *   core.useTestEnv();                                  // fake clock + nock hygiene per test
 *   core.api().get(core.path('/me')).reply(200, {...}); // nock scope on the fixture's host
 *   const { json } = await core.run({ resource: 'product', operation: 'get', ... });
 */
import nock from 'nock';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	INodeExecutionData,
	INodeType,
} from 'n8n-workflow';

import { createContext, useFakeClock, type FakeContextOptions } from './fakeContext';

export type FixtureOptions = Omit<FakeContextOptions, 'credentialType' | 'credentials' | 'parameters'> & {
	/** Fields merged over the fixture's default credentials. */
	credentials?: IDataObject;
};

export interface SystemFixtureConfig {
	credentialType: ICredentialType;
	credentials: ICredentialDataDecryptedObject;
	/** Scheme and host the credentials point at, e.g. `https://core.test`. */
	host: string;
	/** Path of the API root below the host, e.g. `/ExternalApi/v2` ('' when the root is the host). */
	basePath?: string;
	/** Headers every authenticated request must carry (nock fails the request otherwise). */
	authHeaders?: Record<string, string>;
	node?: new () => INodeType;
	trigger?: new () => INodeType;
	/** Clears a system's process-wide caches between tests (e.g. Dotdigital's detected regions). */
	reset?: () => void;
	/** The fake clock's start for every test. */
	startMs?: number;
}

export function systemFixture(config: SystemFixtureConfig) {
	const basePath = config.basePath ?? '';
	let clock: ReturnType<typeof useFakeClock> | undefined;

	const context = (parameters: IDataObject | IDataObject[] = {}, opts: FixtureOptions = {}) => {
		const { credentials, ...rest } = opts;
		return createContext({
			credentialType: config.credentialType,
			credentials: { ...config.credentials, ...(credentials ?? {}) } as ICredentialDataDecryptedObject,
			parameters,
			...rest,
		});
	};

	return {
		...config,
		basePath,
		/** A path below the API root, e.g. `path('/me')` → `/ExternalApi/v2/me`. */
		path: (p: string) => `${basePath}${p}`,
		/** A nock scope on the fixture's host that requires the authentication headers. */
		api: () => nock(config.host, config.authHeaders ? { reqheaders: config.authHeaders } : undefined),
		context,
		/** Runs the action node's `execute` with these parameters. */
		async run(parameters: IDataObject | IDataObject[], opts: FixtureOptions = {}) {
			if (!config.node) throw new Error('This fixture has no action node');
			const fake = context(parameters, opts);
			const out = (await new config.node().execute!.call(fake.ctx)) as INodeExecutionData[][];
			return { ...fake, all: out, out: out[0], json: out[0].map((o) => o.json) };
		},
		/** Runs the trigger's `poll` with these parameters (poll signature of getNodeParameter). */
		async poll(parameters: IDataObject, opts: FixtureOptions = {}) {
			if (!config.trigger) throw new Error('This fixture has no trigger');
			const fake = context(parameters, { poll: true, ...opts });
			const out = await new config.trigger().poll!.call(fake.ctx);
			return { ...fake, out, json: out ? out[0].map((o) => o.json) : null };
		},
		/** Input items `{ i }` for n items. */
		items: (n: number): INodeExecutionData[] => Array.from({ length: n }, (_, i) => ({ json: { i } })),
		/** Fake clock and clean nock per test; every mock set up by a test must be used by it. */
		useTestEnv() {
			beforeAll(() => {
				// Jest loads a fresh nock per test file while Node's http stays shared: hook in only while
				// this file runs, so files sharing a worker never see each other's interceptors.
				if (!nock.isActive()) nock.activate();
				nock.disableNetConnect();
			});
			beforeEach(() => {
				clock = useFakeClock(config.startMs);
				config.reset?.();
			});
			afterEach(() => {
				clock?.restore();
				const pending = nock.pendingMocks();
				nock.cleanAll();
				expect(pending).toEqual([]);
			});
			afterAll(() => {
				nock.enableNetConnect();
				nock.restore();
			});
			return { clock: () => clock as ReturnType<typeof useFakeClock> };
		},
	};
}

export type SystemFixture = ReturnType<typeof systemFixture>;

/** Parses the JSON body a recorded request carried. */
export const bodyOf = (req: { body?: unknown }) => JSON.parse(String(req.body));

/** Asserts every output item is paired with an input item, in order when `expected` is given. */
export function expectPaired(out: INodeExecutionData[], expected?: number[]) {
	const paired = out.map((item) => (item.pairedItem as { item: number }).item);
	for (const p of paired) expect(typeof p).toBe('number');
	if (expected) expect(paired).toEqual(expected);
}
