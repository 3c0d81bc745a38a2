/**
 * Removes secrets from any text that may reach an error message, an output item or a log.
 * Vendors sometimes echo request headers or URLs in their error pages.
 */
const SECRET_HEADER = /(api-auth-applicationkey|authorization|x-api-key|api[-_]?key|password|token)(["']?\s*[:=]\s*["']?)([^"'\s,;&}]+)/gi;

export function redact(text: string, secrets: Array<string | undefined> = []): string {
	let out = text;
	for (const secret of secrets) {
		if (typeof secret === 'string' && secret.length >= 4) out = out.split(secret).join('***');
	}
	return out.replace(SECRET_HEADER, (_m, name: string, sep: string) => `${name}${sep}***`);
}

export function excerpt(value: unknown, max = 500): string {
	const text = typeof value === 'string' ? value : JSON.stringify(value ?? '');
	return text.length > max ? `${text.slice(0, max)}…` : text;
}
