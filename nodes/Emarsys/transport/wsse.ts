import { createHash, randomBytes } from 'crypto';

/**
 * Emarsys's legacy WSSE header (docs/architecture.md, "Transport"): one fresh header per request.
 * The digest is the base64 of the SHA-1 rendered as its 40-character lowercase HEX string, not of
 * the raw 20 bytes that standard WSSE libraries encode; Emarsys rejects the latter.
 */
export function wsseDigest(nonce: string, created: string, secret: string): string {
	const hex = createHash('sha1').update(nonce + created + secret).digest('hex');
	return Buffer.from(hex).toString('base64');
}

/** ISO 8601 UTC without milliseconds, the form Emarsys's examples use. */
export function wsseCreated(ms: number): string {
	return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The `X-WSSE` value for one request; `nonce` and `now` are parameters so tests can fix them. */
export function wsseHeader(username: string, secret: string, nowMs: number, nonce = randomBytes(16).toString('hex')): string {
	const created = wsseCreated(nowMs);
	const digest = wsseDigest(nonce, created, secret);
	return `UsernameToken Username="${username}", PasswordDigest="${digest}", Nonce="${nonce}", Created="${created}"`;
}
