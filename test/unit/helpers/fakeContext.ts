/**
 * Fake n8n execution contexts for unit tests. Their httpRequestWithAuthentication applies the
 * credential type's real `authenticate` definition and makes a real HTTP call (axios), so nock
 * sees exactly the request n8n would send and the shared transport runs unmodified.
 */
import axios from 'axios';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	IHttpRequestOptions,
	INode,
	INodeExecutionData,
} from 'n8n-workflow';

import { clock } from '../../../nodes/shared/clock';
import { resetBudgets } from '../../../nodes/shared/budget';
import { resetPacers } from '../../../nodes/shared/pacer';

/** Resolves `={{$credentials.field}}` expressions, the only form our credentials use. */
function resolve(value: unknown, credentials: ICredentialDataDecryptedObject): unknown {
	if (typeof value !== 'string' || !value.startsWith('=')) return value;
	return value.slice(1).replace(/\{\{\s*\$credentials\.(\w+)\s*\}\}/g, (_m, f: string) =>
		String(credentials[f] ?? ''),
	);
}

export async function authenticate(
	credentialType: ICredentialType,
	credentials: ICredentialDataDecryptedObject,
	options: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const auth = credentialType.authenticate;
	if (!auth) return options;
	if (typeof auth === 'function') return await auth(credentials, options);
	const out: IHttpRequestOptions = { ...options, headers: { ...(options.headers ?? {}) } };
	const props = auth.properties as IDataObject;
	for (const [k, v] of Object.entries((props.headers as IDataObject) ?? {})) {
		(out.headers as IDataObject)[k] = resolve(v, credentials) as string;
	}
	for (const [k, v] of Object.entries((props.qs as IDataObject) ?? {})) {
		out.qs = { ...(out.qs ?? {}), [k]: resolve(v, credentials) as string };
	}
	if (props.auth) {
		const a = props.auth as IDataObject;
		out.auth = {
			username: String(resolve(a.username, credentials)),
			password: String(resolve(a.password, credentials)),
		};
	}
	return out;
}

/** Performs the request the way n8n-core's httpRequest does for the options our transport sets. */
export async function performRequest(options: IHttpRequestOptions): Promise<unknown> {
	const response = await axios.request({
		method: options.method ?? 'GET',
		url: options.url,
		baseURL: options.baseURL,
		params: options.qs,
		data: options.body,
		headers: options.headers as Record<string, string>,
		auth: options.auth,
		timeout: options.timeout,
		responseType: options.encoding === 'text' || options.json === false ? 'text' : 'json',
		transformResponse: options.encoding === 'text' ? [(d: unknown) => d] : undefined,
		validateStatus: options.ignoreHttpStatusErrors ? () => true : undefined,
	});
	if (options.returnFullResponse) {
		return { body: response.data, headers: response.headers, statusCode: response.status };
	}
	return response.data;
}

export interface FakeContextOptions {
	credentialType: ICredentialType;
	credentials: ICredentialDataDecryptedObject;
	/** Parameters per item index, or one object for every item. */
	parameters?: IDataObject | IDataObject[];
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
	staticData?: IDataObject;
	mode?: 'manual' | 'trigger';
	nodeName?: string;
	/** Poll/loadOptions signature: getNodeParameter(name, fallback?, options?) has no item index. */
	poll?: boolean;
}

export interface FakeContext {
	/** Every request sent, after authentication was applied. */
	requests: IHttpRequestOptions[];
	warnings: string[];
	// The fake stands in for several n8n context interfaces at once.
	ctx: any;
}

function getPath(obj: IDataObject, path: string): unknown {
	return path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as IDataObject)[k] : undefined), obj);
}

export function createContext(opts: FakeContextOptions): FakeContext {
	const requests: IHttpRequestOptions[] = [];
	const warnings: string[] = [];
	const node: INode = {
		id: 'node-1',
		name: opts.nodeName ?? 'Test Node',
		type: 'n8n-nodes-cin7.test',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const items = opts.items ?? [{ json: {} }];
	const staticData = opts.staticData ?? {};
	const paramsFor = (i: number): IDataObject =>
		Array.isArray(opts.parameters) ? (opts.parameters[i] ?? {}) : (opts.parameters ?? {});
	const ctx = {
		getNode: () => node,
		getInputData: () => items,
		getMode: () => opts.mode ?? 'trigger',
		getTimezone: () => 'UTC',
		continueOnFail: () => opts.continueOnFail ?? false,
		getWorkflowStaticData: () => staticData,
		getCredentials: async () => opts.credentials,
		getNodeParameter: (name: string, ...rest: unknown[]) => {
			// Execute signature: (name, itemIndex, fallback?, options?); poll/loadOptions: (name, fallback?, options?).
			const hasIndex = !opts.poll && typeof rest[0] === 'number';
			const index = hasIndex ? (rest[0] as number) : 0;
			const fallbackGiven = hasIndex ? rest.length >= 2 : rest.length >= 1;
			const fallback = hasIndex ? rest[1] : rest[0];
			const options = (hasIndex ? rest[2] : rest[1]) as IDataObject | undefined;
			let value = getPath(paramsFor(index), name);
			if (value === undefined) {
				if (fallbackGiven) return fallback;
				throw new Error(`Test did not set parameter "${name}"`);
			}
			if (options?.extractValue && value && typeof value === 'object' && '__rl' in (value as IDataObject)) {
				value = (value as IDataObject).value;
			}
			return value;
		},
		logger: {
			warn: (m: string) => warnings.push(m),
			info: () => undefined,
			debug: () => undefined,
			error: () => undefined,
		},
		helpers: {
			httpRequestWithAuthentication: async (_type: string, options: IHttpRequestOptions) => {
				const authed = await authenticate(opts.credentialType, opts.credentials, options);
				requests.push(authed);
				return await performRequest(authed);
			},
			// n8n's in-memory binary form: base64 data plus the file's name, type and size.
			prepareBinaryData: async (data: Buffer, fileName?: string, mimeType?: string) => ({
				data: data.toString('base64'),
				fileName,
				mimeType: mimeType ?? 'application/octet-stream',
				fileSize: String(data.length),
			}),
			returnJsonArray: (data: IDataObject | IDataObject[]) =>
				(Array.isArray(data) ? data : [data]).map((json) => ({ json })),
			constructExecutionMetaData: (data: INodeExecutionData[], meta: { itemData: { item: number } }) =>
				data.map((d) => ({ ...d, pairedItem: meta.itemData })),
		},
	};
	return { requests, warnings, ctx };
}

/** Instant, recorded sleeps and a controllable clock for transport and cursor tests. */
export function useFakeClock(startMs = Date.parse('2026-01-01T00:00:00Z')) {
	const realNow = clock.now;
	const realSleep = clock.sleep;
	const sleeps: number[] = [];
	let now = startMs;
	clock.now = () => now;
	clock.sleep = async (ms: number) => {
		sleeps.push(ms);
		now += Math.max(0, ms);
	};
	resetPacers();
	resetBudgets();
	return {
		sleeps,
		advance: (ms: number) => {
			now += ms;
		},
		set: (ms: number) => {
			now = ms;
		},
		now: () => now,
		restore: () => {
			clock.now = realNow;
			clock.sleep = realSleep;
			resetPacers();
			resetBudgets();
		},
	};
}
