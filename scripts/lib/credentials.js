'use strict';
// Credentials for the sandbox: the fixed names and placeholder ids that shipped templates reference,
// and plain data for `n8n import:credentials`, limited to the fields each credential file defines.
// Everything per system comes from the sandbox's registry (sandbox/systems.js).
const fs = require('fs');
const path = require('path');
const { ROOT } = require('./paths');
const { SYSTEMS } = require(path.join(ROOT, 'sandbox', 'systems'));

/**
 * Fixed per credential type: { <type>: { id, name, file } }. Templates reference exactly { id, name };
 * the import uses the same id.
 */
const FIXED_CREDENTIALS = Object.fromEntries(
	SYSTEMS.map((s) => [s.credential.type, { id: s.credential.id, name: s.credential.name, file: s.credential.file }]),
);

/** The sandbox's fixed logins, keyed by each entry's loginKey ({ core, omni, dotdigital, … }). */
const SANDBOX_LOGINS = Object.fromEntries(SYSTEMS.map((s) => [s.loginKey || s.key, { ...s.login }]));

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
	const out = [];
	for (const s of SYSTEMS) {
		const { type, id, name, file } = s.credential;
		const fields = credentialFields(file);
		if (!fields) continue; // that credential does not exist yet
		const data = Object.fromEntries(Object.entries(s.credentialData(url, speedUp)).filter(([k]) => fields.has(k)));
		out.push({ id, name, type, data });
	}
	return out;
}

module.exports = { FIXED_CREDENTIALS, SANDBOX_LOGINS, sandboxCredentials, credentialFields };
