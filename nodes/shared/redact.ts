/**
 * Removes secrets from any text that may reach an error message, an output item or a log.
 * Vendors sometimes echo request headers or URLs in their error pages.
 */
// A header or field that carries a secret, its separator, an optional auth scheme, the value.
// The scheme matters: `Authorization: Basic dXNlcjprZXk=` must lose the base64 part, which
// encodes the user name and key; JOOR's v2 sends `Authorization: OAuth2 <base64 token>`.
const SECRET_HEADER =
	/(api-auth-applicationkey|authorization|x-api-key|api[-_]?key|client[-_]?secret|secret|password|token)(["']?\s*[:=]\s*["']?)((?:basic|bearer|digest|token|oauth2?)\s+)?([^"'\s,;&}]+)/gi;

export function redact(text: string, secrets: Array<string | undefined> = []): string {
	let out = text;
	// Longest first, so a secret that contains another is removed whole.
	const ordered = secrets
		.filter((s): s is string => typeof s === 'string' && s.length >= 4)
		.sort((a, b) => b.length - a.length);
	for (const secret of ordered) {
		out = out.split(secret).join('***');
		// Vendors echo requests URL-encoded or inside Basic auth (base64 of `user:key`).
		const encoded = encodeURIComponent(secret);
		if (encoded !== secret) out = out.split(encoded).join('***');
	}
	return out.replace(
		SECRET_HEADER,
		(_m, name: string, sep: string, scheme: string | undefined) => `${name}${sep}${scheme ?? ''}***`,
	);
}

export function excerpt(value: unknown, max = 500): string {
	const text = typeof value === 'string' ? value : JSON.stringify(value ?? '');
	return text.length > max ? `${text.slice(0, max)}…` : text;
}
