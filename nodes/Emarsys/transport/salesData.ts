import type { IDataObject, IHttpRequestOptions, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { clock } from '../../shared/clock';
import type { RequestContext } from '../../shared/http';
import { acquireCallSlot } from '../../shared/pacer';
import { excerpt, redact } from '../../shared/redact';
import { backoffDelay, DEFAULT_RETRY, isRetryableNetworkError, parseRetryAfter, THROTTLE_STATUSES } from '../../shared/retry';
import { EMARSYS_CREDENTIAL, salesDataRoot } from './settings';

/**
 * The sales-data upload (docs/architecture.md, "Transport"): a CSV body with its own bearer token
 * at its own host, which the JSON transport (`vendorRequest`) cannot send. It keeps the shared
 * transport's rules with the shared parts: paced per merchant, throttles (429/503) and connections
 * that were never made retried with backoff and Retry-After, anything that may have reached
 * Emarsys NOT retried (sales data is appended without de-duplication, so a repeat would count the
 * orders twice), errors without the token.
 */
export async function uploadSalesData(this: RequestContext, csv: string): Promise<{ status: number; body: string }> {
	const c = await this.getCredentials(EMARSYS_CREDENTIAL);
	const merchantId = String(c.salesDataMerchantId ?? '').trim();
	const token = String(c.salesDataToken ?? '');
	if (!merchantId || !token) {
		throw new NodeOperationError(
			this.getNode(),
			'The Emarsys credential has no Sales Data Merchant ID or Sales Data Token: add both (Predict → Data Sources) to upload sales data',
		);
	}
	const path = `/merchant/${encodeURIComponent(merchantId)}/sales-data/api`;
	const secrets = [token, c.clientSecret as string, c.secret as string].filter(Boolean);
	const fail = (message: string, status?: number) => {
		const text = redact(message, secrets);
		const error = new NodeApiError(this.getNode(), { message: text } as JsonObject, {
			message: text,
			description: `POST ${path}`,
			...(status ? { httpCode: String(status) } : {}),
		});
		error.message = text;
		return error;
	};
	const options: IHttpRequestOptions = {
		method: 'POST',
		url: `${salesDataRoot(c)}${path}`,
		headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'text/csv', Accept: 'text/plain' },
		body: csv,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		json: false,
		encoding: 'text',
		timeout: 120_000,
	};
	for (let attempt = 0; ; attempt++) {
		await acquireCallSlot(`Emarsys sales data|${merchantId}`, { perMinute: 60 });
		let raw: { statusCode: number; body: unknown; headers: IDataObject };
		try {
			raw = (await this.helpers.httpRequestWithAuthentication.call(this, EMARSYS_CREDENTIAL, options)) as typeof raw;
		} catch (error) {
			const code = (error as { code?: string }).code ?? (error as { cause?: { code?: string } }).cause?.code;
			// Only a connection that was never made is safe to repeat: the upload is not idempotent.
			if (isRetryableNetworkError(code, 'POST') && attempt < DEFAULT_RETRY.maxRetries) {
				await clock.sleep(backoffDelay(attempt, DEFAULT_RETRY, undefined));
				continue;
			}
			throw fail(
				`Emarsys sales data upload could not be completed (${code ?? (error as Error).message}); it may or may not have arrived, so it was not repeated: check Predict → Data Sources before running again`,
			);
		}
		const status = Number(raw.statusCode);
		const body = typeof raw.body === 'string' ? raw.body : String(raw.body ?? '');
		if (status >= 200 && status < 300) return { status, body };
		if (THROTTLE_STATUSES.includes(status) && attempt < DEFAULT_RETRY.maxRetries) {
			const headers = raw.headers ?? {};
			const wait = parseRetryAfter(headers['retry-after'] ?? headers['Retry-After'], clock.now());
			await clock.sleep(backoffDelay(attempt, DEFAULT_RETRY, wait));
			continue;
		}
		const meaning =
			status === 401 || status === 403
				? 'refused the sales-data token (check Sales Data Merchant ID and Sales Data Token)'
				: `answered HTTP ${status}`;
		throw fail(`Emarsys sales data upload ${meaning}${body ? `: ${excerpt(redact(body, secrets), 300)}` : ''} (HTTP ${status})`, status);
	}
}
