import { DotdigitalApi } from '../../../credentials/DotdigitalApi.credentials';
import { Dotdigital } from '../../../nodes/Dotdigital/Dotdigital.node';
import { DotdigitalTrigger } from '../../../nodes/Dotdigital/DotdigitalTrigger.node';
import { resetRegionCache } from '../../../nodes/Dotdigital/transport';
import { systemFixture } from '../helpers/systemFixture';

export const USER = 'apiuser-1@apiconnector.com';
export const PASSWORD = 'S3cret-Pa55word';

export const dd = systemFixture({
	credentialType: new DotdigitalApi(),
	credentials: { apiUser: USER, password: PASSWORD, region: 'r1', baseUrl: '', callsPerMinute: 1000 },
	host: 'https://r1-api.dotdigital.com',
	authHeaders: { authorization: `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}` },
	reset: resetRegionCache,
	node: Dotdigital,
	trigger: DotdigitalTrigger,
});

/** One row of the v2 suppressed-since / unsubscribed-since lists. */
export const suppressed = (id: number, date: string, reason = 'Unsubscribed') => ({
	suppressedContact: { id, email: `c${id}@example.com`, status: reason, dataFields: [] },
	dateRemoved: date,
	reason,
});
