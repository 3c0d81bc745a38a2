/**
 * `fetch` for checks that set the scene through a vendor's API (create an order, dispatch it): the
 * sandbox enforces the vendors' rate limits on checks too, and in the full template batch many
 * checks' set-up calls share them. A throttled answer (429, or 503 as Cin7 Core throttles) is waited
 * out — Retry-After / X-Retry-After in seconds, else one second — and sent again, as any client must;
 * every other answer is returned as it is.
 */
export async function vendorFetch(url: string, init: RequestInit = {}, maxWaits = 30): Promise<Response> {
	for (let waits = 0; ; waits++) {
		const r = await fetch(url, init);
		if ((r.status !== 429 && r.status !== 503) || waits >= maxWaits) return r;
		await r.text();
		const seconds = Number(r.headers.get('retry-after') ?? r.headers.get('x-retry-after'));
		await new Promise((done) => setTimeout(done, Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 10) * 1000 : 1000));
	}
}
