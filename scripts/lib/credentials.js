'use strict';
// Credentials for the sandbox: the fixed names and placeholder ids that shipped templates reference,
// and plain data for `n8n import:credentials`, limited to the fields each credential file defines.
const fs = require('fs');
const path = require('path');
const { ROOT } = require('./paths');

/** Fixed per credential type. Templates reference exactly { id, name }; the import uses the same id. */
const FIXED_CREDENTIALS = {
	cin7CoreApi: { id: 'cin7CoreCred0001', name: 'Cin7 Core account', file: 'Cin7CoreApi.credentials.ts' },
	cin7OmniApi: { id: 'cin7OmniCred0001', name: 'Cin7 Omni account', file: 'Cin7OmniApi.credentials.ts' },
	dotdigitalApi: { id: 'dotdigitalCred01', name: 'Dotdigital account', file: 'DotdigitalApi.credentials.ts' },
};

/** The sandbox's fixed logins (sandbox/server.js). */
const SANDBOX_LOGINS = {
	core: { accountId: 'sandbox-core-account', applicationKey: 'sandbox-core-key-7f3a9c' },
	omni: { username: 'sandbox-omni-user', apiKey: 'sandbox-omni-key-4b8e2d' },
	dotdigital: { username: 'apiuser-sandbox@apiconnector.com', password: 'sandbox-dd-pass-9c1e5a' },
};

/** Property names declared in credentials/<file> (read from the source, so it follows renames). */
function credentialFields(file) {
	const p = path.join(ROOT, 'credentials', file);
	if (!fs.existsSync(p)) return null;
	const src = fs.readFileSync(p, 'utf8');
	const props = src.slice(src.indexOf('properties'));
	return new Set([...props.matchAll(/\bname:\s*'([A-Za-z0-9_]+)'/g)].map((m) => m[1]));
}

/**
 * Plain credential data pointed at a sandbox URL. `speedUp` multiplies the vendors' documented
 * call rates, for a time-scaled sandbox (the sandbox's own limits are scaled the same way).
 */
function sandboxCredentials(sandboxUrl, { speedUp = 1 } = {}) {
	const url = sandboxUrl.replace(/\/+$/, '');
	const candidates = {
		cin7CoreApi: {
			...SANDBOX_LOGINS.core,
			baseUrl: `${url}/cin7core/ExternalApi/v2`,
			callsPerMinute: 60 * speedUp,
		},
		cin7OmniApi: {
			...SANDBOX_LOGINS.omni,
			baseUrl: `${url}/cin7omni/api/v1`,
			callsPerMinute: 60 * speedUp,
			callsPerSecond: 3 * speedUp,
			dailyCallBudget: 5000 * speedUp,
		},
		dotdigitalApi: {
			username: SANDBOX_LOGINS.dotdigital.username,
			apiUser: SANDBOX_LOGINS.dotdigital.username,
			email: SANDBOX_LOGINS.dotdigital.username,
			password: SANDBOX_LOGINS.dotdigital.password,
			region: 'r1',
			baseUrl: `${url}/dotdigital/r1`,
			callsPerMinute: 35 * speedUp,
		},
	};
	const out = [];
	for (const [type, fixed] of Object.entries(FIXED_CREDENTIALS)) {
		const fields = credentialFields(fixed.file);
		if (!fields) continue; // that credential does not exist yet
		const data = Object.fromEntries(Object.entries(candidates[type]).filter(([k]) => fields.has(k)));
		out.push({ id: fixed.id, name: fixed.name, type, data });
	}
	return out;
}

module.exports = { FIXED_CREDENTIALS, SANDBOX_LOGINS, sandboxCredentials, credentialFields };
