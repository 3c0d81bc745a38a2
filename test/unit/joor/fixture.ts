import { JoorApi } from '../../../credentials/JoorApi.credentials';
import { Joor } from '../../../nodes/Joor/Joor.node';
import { JoorTrigger } from '../../../nodes/Joor/JoorTrigger.node';
import { resetOrderPaths } from '../../../nodes/Joor/helpers/orders';
import { resetJoorTokens } from '../../../nodes/Joor/transport';
import { systemFixture } from '../helpers/systemFixture';

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

export const joor = systemFixture({
	credentialType: new JoorApi(),
	credentials: { environment: 'production', authType: 'apiToken', apiToken: TOKEN, baseUrl: '', creditsPerWindow: 300000, accessToken: '' },
	host: 'https://api.jooraccess.com',
	reset: () => {
		resetJoorTokens();
		resetOrderPaths();
	},
	node: Joor,
	trigger: JoorTrigger,
});

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
