'use strict';
// Minimal plain-JS stand-in for the n8n execution / poll context, enough to run this package's
// compiled nodes outside n8n: parameters per item (functions of the item allowed), credentials,
// workflow static data, and helpers.httpRequestWithAuthentication that applies the credential
// class's own `authenticate` definition and performs real HTTP (axios, keep-alive agent).

const http = require('node:http');
const https = require('node:https');
const path = require('node:path');
const axios = require('axios');
const { SYSTEMS } = require('../../sandbox/systems');
const lib = require('../lib/credentials');

const DIST = path.resolve(__dirname, '..', '..', '.bench', 'dist');
const httpAgent = new http.Agent({ keepAlive: true, maxSockets: 8 });
const httpsAgent = new https.Agent({ keepAlive: true, maxSockets: 8 });

function dist(rel) {
	return require(path.join(DIST, rel));
}

/** Resolves `={{$credentials.field}}` (the only expression form our credentials use). */
function resolveCred(value, credentials) {
	if (typeof value !== 'string' || !value.startsWith('=')) return value;
	return value.slice(1).replace(/\{\{\s*\$credentials\.(\w+)\s*\}\}/g, (_m, f) => String(credentials[f] ?? ''));
}

async function authenticate(credentialType, credentials, options) {
	const auth = credentialType.authenticate;
	if (!auth) return options;
	if (typeof auth === 'function') return await auth(credentials, options);
	const out = { ...options, headers: { ...(options.headers || {}) } };
	const props = auth.properties || {};
	for (const [k, v] of Object.entries(props.headers || {})) out.headers[k] = resolveCred(v, credentials);
	for (const [k, v] of Object.entries(props.qs || {})) out.qs = { ...(out.qs || {}), [k]: resolveCred(v, credentials) };
	if (props.auth) {
		out.auth = { username: String(resolveCred(props.auth.username, credentials)), password: String(resolveCred(props.auth.password, credentials)) };
	}
	return out;
}

/** What n8n-core's httpRequest does for the options the shared transport sets. */
async function performRequest(options) {
	const response = await axios.request({
		method: options.method || 'GET',
		url: options.url,
		baseURL: options.baseURL,
		params: options.qs,
		data: options.body,
		headers: options.headers,
		auth: options.auth,
		timeout: options.timeout,
		httpAgent,
		httpsAgent,
		maxContentLength: Infinity,
		maxBodyLength: Infinity,
		responseType: options.encoding === 'text' || options.json === false ? 'text' : 'json',
		transformResponse: options.encoding === 'text' ? [(d) => d] : undefined,
		validateStatus: options.ignoreHttpStatusErrors ? () => true : undefined,
	});
	if (options.returnFullResponse) return { body: response.data, headers: response.headers, statusCode: response.status };
	return response.data;
}

/**
 * What n8n does before authenticating with a credential that fetches a token (SparkLayer, Shopify
 * client credentials): when its expirable field is empty, run `preAuthentication` and keep what it
 * returns on the stored credentials for later calls.
 */
async function preAuthenticate(type, data, stored) {
	const expirable = (type.properties || []).find((p) => p.typeOptions && p.typeOptions.expirable);
	if (!type.preAuthentication || !expirable || data[expirable.name]) return data;
	const fresh = await type.preAuthentication.call({ helpers: { httpRequest: performRequest } }, data);
	Object.assign(stored, fresh);
	return { ...data, ...fresh };
}

/** Credential type → [compiled file, class name], from each registry entry's credential file (Foo.credentials.ts → class Foo). */
const CREDENTIAL_CLASSES = Object.fromEntries(SYSTEMS.map((s) => {
	const { type, file } = s.credential;
	return [type, [`credentials/${file.replace(/\.ts$/, '.js')}`, file.replace(/\.credentials\.ts$/, '')]];
}));

function credentialType(name) {
	const [file, cls] = CREDENTIAL_CLASSES[name];
	return new (dist(file)[cls])();
}

/**
 * Credentials pointing at the sandbox, { <type>: data }: the same data the demo and e2e import
 * (scripts/lib/credentials). Pacing fields are the documented limit × timeScale, because the
 * sandbox divides every documented window by timeScale.
 */
function sandboxCredentials(url, timeScale) {
	return Object.fromEntries(lib.sandboxCredentials(url, { speedUp: timeScale }).map((c) => [c.type, c.data]));
}

function getPath(obj, p) {
	return p.split('.').reduce((o, k) => (o && typeof o === 'object' ? o[k] : undefined), obj);
}

/**
 * @param {{credentials: object, parameters: object, items?: object[], staticData?: object,
 *   mode?: 'manual'|'trigger', continueOnFail?: boolean}} opts
 * Parameter values may be functions `(itemIndex, item) => value` (what an n8n expression does).
 */
function createContext(opts) {
	const node = { id: 'bench-node', name: opts.nodeName || 'Bench Node', type: 'n8n-nodes-cin7.bench', typeVersion: 1, position: [0, 0], parameters: {} };
	const items = opts.items || [{ json: {} }];
	const staticData = opts.staticData || {};
	const types = {};
	const warnings = [];
	const ctx = {
		getNode: () => node,
		getInputData: () => items,
		getMode: () => opts.mode || 'trigger',
		getTimezone: () => 'UTC',
		continueOnFail: () => opts.continueOnFail || false,
		getWorkflowStaticData: () => staticData,
		getCredentials: async (name) => {
			const c = opts.credentials[name];
			if (!c) throw new Error(`bench context has no credentials "${name}"`);
			return c;
		},
		getNodeParameter: (name, ...rest) => {
			// Execute: (name, itemIndex, fallback?, options?); poll: (name, fallback?, options?).
			const hasIndex = typeof rest[0] === 'number';
			const index = hasIndex ? rest[0] : 0;
			const fallbackGiven = hasIndex ? rest.length >= 2 : rest.length >= 1;
			const fallback = hasIndex ? rest[1] : rest[0];
			const options = hasIndex ? rest[2] : rest[1];
			let value = getPath(opts.parameters || {}, name);
			if (typeof value === 'function') value = value(index, items[index]);
			if (value === undefined) {
				if (fallbackGiven) return fallback;
				throw new Error(`bench did not set parameter "${name}"`);
			}
			if (options && options.extractValue && value && typeof value === 'object' && '__rl' in value) value = value.value;
			return value;
		},
		logger: { warn: (m) => warnings.push(m), info: () => undefined, debug: () => undefined, error: () => undefined },
		helpers: {
			httpRequestWithAuthentication: async (type, options, more) => {
				if (!types[type]) types[type] = credentialType(type);
				// a transport may pass its own copy of the credentials (e.g. with the token blanked to renew it)
				const given = (more && more.credentialsDecrypted && more.credentialsDecrypted.data) || opts.credentials[type];
				const data = await preAuthenticate(types[type], given, opts.credentials[type]);
				const authed = await authenticate(types[type], data, options);
				return await performRequest(authed);
			},
			returnJsonArray: (data) => (Array.isArray(data) ? data : [data]).map((json) => ({ json })),
			constructExecutionMetaData: (data, meta) => data.map((d) => ({ ...d, pairedItem: meta.itemData })),
		},
	};
	return { ctx, staticData, warnings };
}

module.exports = { DIST, dist, createContext, sandboxCredentials, authenticate, performRequest, credentialType, httpAgent };
