// Shared helpers for the sandbox self-tests: start on port 0, call with fetch, parse JSON or text.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startSandbox } = require('../../../sandbox/server');

export interface Started {
	url: string;
	port: number;
	state: any;
	sandbox: any;
	close: () => Promise<void>;
}

export async function start(opts: Record<string, unknown> = {}): Promise<Started> {
	return startSandbox({ port: 0, size: 'demo', timeScale: 60, seed: 1, ...opts });
}

export const CORE_HEADERS = {
	'api-auth-accountid': 'sandbox-core-account',
	'api-auth-applicationkey': 'sandbox-core-key-7f3a9c',
	'Content-Type': 'application/json',
};
const basic = (u: string, p: string) => 'Basic ' + Buffer.from(`${u}:${p}`).toString('base64');
export const OMNI_HEADERS = { Authorization: basic('sandbox-omni-user', 'sandbox-omni-key-4b8e2d'), 'Content-Type': 'application/json' };
export const DD_HEADERS = { Authorization: basic('apiuser-sandbox@apiconnector.com', 'sandbox-dd-pass-9c1e5a'), 'Content-Type': 'application/json' };
export { basic };

export async function call(url: string, init: { method?: string; headers?: Record<string, string>; body?: unknown } = {}) {
	const res = await fetch(url, {
		method: init.method || 'GET',
		headers: init.headers,
		body: init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
	});
	const text = await res.text();
	let body: any = text;
	try { body = text ? JSON.parse(text) : null; } catch { /* keep text */ }
	return { status: res.status, headers: res.headers, body, text };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
