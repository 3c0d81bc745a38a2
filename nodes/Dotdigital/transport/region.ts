import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { RequestContext } from '../../shared/http';

/**
 * Dotdigital accounts live in one of three regions and the wrong host answers 403. "Detect" asks
 * `account-info` once for the account's `ApiEndpoint` and keeps the answer for the life of the
 * process, per API user, so detection costs one call per worker, not one per execution.
 */
const detected = new Map<string, Promise<string>>();

export function regionHost(region: string): string {
	return `https://${region}-api.dotdigital.com`;
}

function trimSlash(url: string): string {
	return url.trim().replace(/\/+$/, '');
}

function originOf(url: string): string | undefined {
	const m = /^(https?:\/\/[^/?#]+)/i.exec(url);
	return m ? m[1].toLowerCase() : undefined;
}

const DOTDIGITAL_HOST = /^https:\/\/[a-z0-9-]+\.dotdigital\.com$/i;

/**
 * Basic-auth credentials follow the endpoint the account reports, so only hosts we already trust
 * are accepted: a Dotdigital host, or (with a Base URL override, e.g. a sandbox) the override's own
 * origin.
 */
function acceptEndpoint(start: string, endpoint: string, override: boolean): boolean {
	const origin = originOf(endpoint);
	if (!origin) return false;
	if (override && origin === originOf(start)) return true;
	return DOTDIGITAL_HOST.test(origin) && (!override || DOTDIGITAL_HOST.test(originOf(start) ?? ''));
}

function apiEndpointOf(info: IDataObject | undefined): string | undefined {
	const props = Array.isArray(info?.properties) ? (info?.properties as IDataObject[]) : [];
	const entry = props.find((p) => String(p?.name ?? '').toLowerCase() === 'apiendpoint');
	const value = entry?.value;
	return typeof value === 'string' && value.trim() ? trimSlash(value) : undefined;
}

/** Reads `account-info` from the given host. */
export type AccountInfoReader = (ctx: RequestContext, start: string) => Promise<IDataObject>;

async function detect(
	ctx: RequestContext,
	start: string,
	override: boolean,
	readAccountInfo: AccountInfoReader,
): Promise<string> {
	const info = await readAccountInfo(ctx, start);
	const endpoint = apiEndpointOf(info);
	if (!endpoint) return start;
	if (!acceptEndpoint(start, endpoint, override)) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Dotdigital reported an API endpoint this node does not trust (${endpoint}). Choose the region in the credential instead of "Detect Automatically".`,
		);
	}
	return endpoint;
}

/** The API root for these credentials: the chosen region, the override, or the detected endpoint. */
export async function resolveBaseUrl(
	ctx: RequestContext,
	credentials: ICredentialDataDecryptedObject,
	readAccountInfo: AccountInfoReader,
): Promise<string> {
	const override = trimSlash(String(credentials.baseUrl ?? ''));
	const region = String(credentials.region || 'detect');
	if (region !== 'detect') return override || regionHost(region);

	const start = override || regionHost('r1');
	const key = `${start}|${String(credentials.apiUser ?? '').toLowerCase()}`;
	let pending = detected.get(key);
	if (!pending) {
		pending = detect(ctx, start, Boolean(override), readAccountInfo);
		detected.set(key, pending);
		// A failed detection (wrong password, outage) must not stick: the next call tries again.
		pending.catch(() => detected.delete(key));
	}
	return await pending;
}

/** Test hook: forget detected regions. */
export function resetRegionCache(): void {
	detected.clear();
}
