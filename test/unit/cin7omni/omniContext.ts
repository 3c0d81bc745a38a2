import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { Cin7OmniApi } from '../../../credentials/Cin7OmniApi.credentials';
import { createContext } from '../helpers/fakeContext';

export const BASE = 'https://omni.test';
export const API = '/api/v1';

export const credentials = {
	username: 'acme-api',
	apiKey: 'SECRET-KEY-123456',
	baseUrl: `${BASE}${API}`,
	callsPerMinute: 60,
	callsPerSecond: 3,
	dailyCallBudget: 5000,
};

export function omniContext(
	parameters: IDataObject | IDataObject[],
	opts: {
		items?: INodeExecutionData[];
		continueOnFail?: boolean;
		staticData?: IDataObject;
		mode?: 'manual' | 'trigger';
		credentials?: IDataObject;
		poll?: boolean;
	} = {},
) {
	return createContext({
		credentialType: new Cin7OmniApi(),
		credentials: { ...credentials, ...(opts.credentials ?? {}) },
		parameters,
		items: opts.items,
		continueOnFail: opts.continueOnFail,
		staticData: opts.staticData,
		mode: opts.mode,
		poll: opts.poll,
	});
}

export const items = (n: number): INodeExecutionData[] => Array.from({ length: n }, (_, i) => ({ json: { i } }));

/** Parses the JSON body a request carried. */
export const bodyOf = (req: { body?: unknown }) => JSON.parse(String(req.body));
