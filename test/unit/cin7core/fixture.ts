import { Cin7CoreApi } from '../../../credentials/Cin7CoreApi.credentials';
import { Cin7Core } from '../../../nodes/Cin7Core/Cin7Core.node';
import { Cin7CoreTrigger } from '../../../nodes/Cin7Core/Cin7CoreTrigger.node';
import { systemFixture } from '../helpers/systemFixture';

export const SECRET = 'app-key-SECRET-9f8e7d';

export const core = systemFixture({
	credentialType: new Cin7CoreApi(),
	credentials: {
		accountId: 'acc-123',
		applicationKey: SECRET,
		baseUrl: 'https://core.test/ExternalApi/v2',
		callsPerMinute: 60,
	},
	host: 'https://core.test',
	basePath: '/ExternalApi/v2',
	authHeaders: { 'api-auth-accountid': 'acc-123', 'api-auth-applicationkey': SECRET },
	node: Cin7Core,
	trigger: Cin7CoreTrigger,
	startMs: Date.parse('2026-03-01T12:00:00Z'),
});
