import { Cin7OmniApi } from '../../../credentials/Cin7OmniApi.credentials';
import { Cin7Omni } from '../../../nodes/Cin7Omni/Cin7Omni.node';
import { Cin7OmniTrigger } from '../../../nodes/Cin7Omni/Cin7OmniTrigger.node';
import { systemFixture } from '../helpers/systemFixture';

export { bodyOf, expectPaired } from '../helpers/systemFixture';

/** Cin7 Omni's unit-test fixture: an API connection at https://omni.test/api/v1. */
export const omni = systemFixture({
	credentialType: new Cin7OmniApi(),
	credentials: {
		username: 'acme-api',
		apiKey: 'SECRET-KEY-123456',
		baseUrl: 'https://omni.test/api/v1',
		callsPerMinute: 60,
		callsPerSecond: 3,
		dailyCallBudget: 5000,
	},
	host: 'https://omni.test',
	basePath: '/api/v1',
	node: Cin7Omni,
	trigger: Cin7OmniTrigger,
});
