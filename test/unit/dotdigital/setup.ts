import nock from 'nock';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { DotdigitalApi } from '../../../credentials/DotdigitalApi.credentials';
import { resetRegionCache } from '../../../nodes/Dotdigital/transport';
import { createContext, useFakeClock } from '../helpers/fakeContext';

export const HOST = 'https://r1-api.dotdigital.com';
export const USER = 'apiuser-1@apiconnector.com';
export const PASSWORD = 'S3cret-Pa55word';

export const credentials = (extra: IDataObject = {}): IDataObject => ({
	apiUser: USER,
	password: PASSWORD,
	region: 'r1',
	baseUrl: '',
	callsPerMinute: 1000,
	...extra,
});

export function dd(
	parameters: IDataObject | IDataObject[],
	opts: {
		items?: INodeExecutionData[];
		continueOnFail?: boolean;
		credentials?: IDataObject;
		staticData?: IDataObject;
		mode?: 'manual' | 'trigger';
	} = {},
) {
	return createContext({
		credentialType: new DotdigitalApi(),
		credentials: (opts.credentials ?? credentials()) as never,
		parameters,
		items: opts.items,
		continueOnFail: opts.continueOnFail,
		staticData: opts.staticData,
		mode: opts.mode,
	});
}

export const itemsOf = (n: number): INodeExecutionData[] => Array.from({ length: n }, (_, i) => ({ json: { i } }));

/** Asserts every output item is paired with an input item, in order when `expected` is given. */
export function expectPaired(out: INodeExecutionData[][], expected?: number[]) {
	const paired = out[0].map((item) => (item.pairedItem as { item: number }).item);
	for (const p of paired) expect(typeof p).toBe('number');
	if (expected) expect(paired).toEqual(expected);
}

export function api() {
	return nock(HOST).matchHeader('accept', 'application/json');
}

/** Fake clock and clean nock per test; returns the clock so tests can read the sleeps. */
export function useDotdigitalTestEnv() {
	let clock: ReturnType<typeof useFakeClock>;
	beforeAll(() => nock.disableNetConnect());
	afterAll(() => nock.enableNetConnect());
	beforeEach(() => {
		clock = useFakeClock();
		resetRegionCache();
	});
	afterEach(() => {
		clock.restore();
		const pending = nock.pendingMocks();
		nock.cleanAll();
		expect(pending).toEqual([]);
	});
	return { clock: () => clock };
}

/** One row of the v2 suppressed-since / unsubscribed-since lists. */
export const suppressed = (id: number, date: string, reason = 'Unsubscribed') => ({
	suppressedContact: { id, email: `c${id}@example.com`, status: reason, dataFields: [] },
	dateRemoved: date,
	reason,
});
