import nock from 'nock';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { Cin7CoreApi } from '../../../credentials/Cin7CoreApi.credentials';
import { Cin7Core } from '../../../nodes/Cin7Core/Cin7Core.node';
import { Cin7CoreTrigger } from '../../../nodes/Cin7Core/Cin7CoreTrigger.node';
import { createContext, useFakeClock, type FakeContextOptions } from '../helpers/fakeContext';

export const HOST = 'https://core.test';
export const BASE = '/ExternalApi/v2';
export const SECRET = 'app-key-SECRET-9f8e7d';
export const CREDENTIALS = {
	accountId: 'acc-123',
	applicationKey: SECRET,
	baseUrl: `${HOST}${BASE}`,
	callsPerMinute: 60,
};

export const api = () => nock(HOST, { reqheaders: { 'api-auth-accountid': 'acc-123', 'api-auth-applicationkey': SECRET } });

type Ctx = Omit<FakeContextOptions, 'credentialType' | 'credentials'>;

export function context(opts: Ctx = {}) {
	return createContext({ credentialType: new Cin7CoreApi(), credentials: CREDENTIALS, ...opts });
}

export async function run(parameters: IDataObject | IDataObject[], opts: Ctx = {}) {
	const fake = context({ parameters, ...opts });
	const out = (await new Cin7Core().execute.call(fake.ctx)) as INodeExecutionData[][];
	return { ...fake, out: out[0], json: out[0].map((o) => o.json) };
}

export async function poll(parameters: IDataObject, opts: Ctx = {}) {
	const fake = context({ parameters, ...opts });
	const out = await new Cin7CoreTrigger().poll.call(fake.ctx);
	return { ...fake, out, json: out ? out[0].map((o) => o.json) : null };
}

/** Fake clock + nock hygiene for every test file. */
export function setup() {
	let clock: ReturnType<typeof useFakeClock>;
	beforeAll(() => {
		// Jest loads a fresh nock per test file while Node's http stays shared: hook in only while
		// this file runs, so files sharing a worker never see each other's interceptors.
		if (!nock.isActive()) nock.activate();
		nock.disableNetConnect();
	});
	beforeEach(() => {
		clock = useFakeClock(Date.parse('2026-03-01T12:00:00Z'));
	});
	afterEach(() => {
		clock.restore();
		const pending = nock.pendingMocks();
		nock.cleanAll();
		expect(pending).toEqual([]);
	});
	afterAll(() => {
		nock.enableNetConnect();
		nock.restore();
	});
	return { clock: () => clock };
}

export const path = (p: string) => `${BASE}${p}`;
