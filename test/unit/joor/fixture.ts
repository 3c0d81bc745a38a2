import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestOptions, INodeExecutionData } from 'n8n-workflow';

import { JoorApi } from '../../../credentials/JoorApi.credentials';
import { Joor } from '../../../nodes/Joor/Joor.node';
import { JoorTrigger } from '../../../nodes/Joor/JoorTrigger.node';
import { resetOrderPaths } from '../../../nodes/Joor/helpers/orders';
import { performRequest, type FakeContext } from '../helpers/fakeContext';
import { systemFixture, type FixtureOptions } from '../helpers/systemFixture';

export const TOKEN = 'joor-api-token-1a2b3c';
export const ENCODED = Buffer.from(TOKEN).toString('base64');

export const V4 = {
	authType: 'password',
	clientId: 'client-1',
	clientSecret: 'client-secret-9z8y',
	username: 'brand-user',
	password: 'brand-pass-7x6w',
	accountId: 'acct-1',
};

/**
 * Stands in for n8n's expirable credential field: when the credentials a request is authenticated
 * with hold no token (the stored ones, or those the transport hands over with the token blanked),
 * n8n runs preAuthentication, stores its answer on the credential for every later call, and sends
 * the request with it. Returns the tokens fetched, in order.
 */
export function n8nStoresTokens(fake: Pick<FakeContext, 'ctx'>): string[] {
	const fetched: string[] = [];
	const ctx = fake.ctx as {
		getCredentials(type: string): Promise<ICredentialDataDecryptedObject>;
		helpers: { httpRequestWithAuthentication(type: string, options: IHttpRequestOptions, extra?: unknown): Promise<unknown> };
	};
	const original = ctx.helpers.httpRequestWithAuthentication;
	ctx.helpers.httpRequestWithAuthentication = async (type, options, extra) => {
		const stored = await ctx.getCredentials(type);
		const handed = (extra as { credentialsDecrypted?: { data: ICredentialDataDecryptedObject } } | undefined)?.credentialsDecrypted?.data ?? stored;
		if (!handed.accessToken) {
			const fresh = await new JoorApi().preAuthentication.call({ helpers: { httpRequest: performRequest } } as never, handed);
			if (fresh.accessToken) fetched.push(String(fresh.accessToken));
			Object.assign(stored, fresh);
		}
		return await original(type, options);
	};
	return fetched;
}

const base = systemFixture({
	credentialType: new JoorApi(),
	credentials: { environment: 'production', authType: 'apiToken', apiToken: TOKEN, baseUrl: '', creditsPerWindow: 300000, accessToken: '', expiresAt: '' },
	host: 'https://api.jooraccess.com',
	reset: () => resetOrderPaths(),
	node: Joor,
	trigger: JoorTrigger,
});

/** The JOOR fixture: every context's credential gets its v4 token the way n8n fetches and stores it. */
export const joor = {
	...base,
	context(parameters: IDataObject | IDataObject[] = {}, opts: FixtureOptions = {}) {
		const fake = base.context(parameters, opts);
		return { ...fake, fetched: n8nStoresTokens(fake) };
	},
	async run(parameters: IDataObject | IDataObject[], opts: FixtureOptions = {}) {
		const fake = joor.context(parameters, opts);
		const out = (await new Joor().execute.call(fake.ctx)) as INodeExecutionData[][];
		return { ...fake, all: out, out: out[0], json: out[0].map((o) => o.json) };
	},
	async poll(parameters: IDataObject, opts: FixtureOptions = {}) {
		const fake = joor.context(parameters, { poll: true, ...opts });
		const out = await new JoorTrigger().poll.call(fake.ctx);
		return { ...fake, out, json: out ? out[0].map((o) => o.json) : null };
	},
};

/** A v2 answer with its `response` node. */
export const v2 = (payload: object, response: object = {}) => ({ response: { code: 200, comment: 'OK', ...response }, ...payload });

/** An approved order as JOOR lists it. */
export const order = (id: number, modified: string, extra: object = {}) => ({
	id,
	status: 'Approved',
	customer_code: `C${id}`,
	customer_name: `Retailer ${id}`,
	date_modified: modified,
	export_status_code: 2,
	line_items: [{ style_number: 'S1', color_code: 'BLK', size: 'M', upc: '0001', quantity: 2, price: 10 }],
	...extra,
});
