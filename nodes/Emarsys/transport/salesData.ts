import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { withTokenRetries } from '../../shared/expiringToken';
import { httpStatusOf, vendorRequest, type RequestContext, type VendorProfile } from '../../shared/http';
import { isRetryableNetworkError } from '../../shared/retry';
import { EMARSYS_CREDENTIAL, salesDataRoot } from './settings';

/**
 * Emarsys caps an upload at 10 MB (targets reference, Emarsys limits); read as 10,000,000 bytes,
 * the smaller reading. The Upload operation cuts its files by their real CSV bytes under it.
 */
export const SALES_DATA_MAX_BYTES = 10_000_000;

const merchantOf = (c: IDataObject) => String(c.salesDataMerchantId ?? '').trim();

/**
 * The sales-data host (docs/architecture.md, "Transport"): its own bearer token from Predict → Data
 * Sources, its own host, no documented rate limit (paced at one upload a second per merchant so
 * many runs never burst). Sent through the shared `vendorRequest` as a raw CSV body: throttles
 * (429/503) and connections that were never made are retried with backoff and Retry-After;
 * anything that may have reached Emarsys is NOT retried (POST: sales data is appended without
 * de-duplication, so a repeat would count the orders twice); errors never carry a secret.
 */
const salesDataProfile: VendorProfile = {
	vendor: 'Emarsys sales data upload',
	credentialType: EMARSYS_CREDENTIAL,
	baseUrl: (c) => salesDataRoot(c),
	// The credential's authenticate leaves a request that already has an Authorization header alone.
	authHeaders: (c) => ({ Authorization: `Bearer ${String(c.salesDataToken ?? '')}` }),
	accountKey: (c) => merchantOf(c),
	secretFields: ['salesDataToken', 'clientSecret', 'secret', 'accessToken'],
	pacing: () => ({ perMinute: 60 }),
	statusMessages: {
		401: 'refused the sales-data token (check Sales Data Merchant ID and Sales Data Token)',
		403: 'refused the sales-data token (check Sales Data Merchant ID and Sales Data Token)',
	},
};

/** The error code of a failed connection, as n8n's request helper reports it. */
function codeOf(error: unknown): string | undefined {
	return (error as { code?: string }).code ?? (error as { cause?: { code?: string } }).cause?.code;
}

/**
 * Uploads one CSV file (header row included). A connection dropped after the file may have left
 * is reported as such, so nobody re-runs blindly and counts the orders twice.
 */
export async function uploadSalesData(this: RequestContext, csv: string): Promise<{ status: number; body: string }> {
	const c = await this.getCredentials(EMARSYS_CREDENTIAL);
	const merchantId = merchantOf(c);
	if (!merchantId || !String(c.salesDataToken ?? '')) {
		throw new NodeOperationError(
			this.getNode(),
			'The Emarsys credential has no Sales Data Merchant ID or Sales Data Token: add both (Predict → Data Sources) to upload sales data',
		);
	}
	// Watch the connection failures, to tell "maybe arrived" from "never sent" in the final error.
	let maybeArrived = false;
	const ctx = withTokenRetries(this);
	const helpers = Object.create(ctx.helpers) as typeof ctx.helpers;
	helpers.httpRequestWithAuthentication = async function (credentialType: string, options: IHttpRequestOptions) {
		return await ctx.helpers.httpRequestWithAuthentication.call(ctx, credentialType, options).catch(async (error: unknown) => {
			const code = codeOf(error);
			maybeArrived = Boolean(code) && !isRetryableNetworkError(code, 'POST');
			return await Promise.reject(error);
		});
	};
	const watched = Object.create(ctx, { helpers: { value: helpers } }) as RequestContext;
	const r = await vendorRequest
		.call<RequestContext, Parameters<typeof vendorRequest>, Promise<{ status: number; body: unknown }>>(watched, salesDataProfile, {
			method: 'POST',
			path: `/merchant/${encodeURIComponent(merchantId)}/sales-data/api`,
			rawBody: { text: csv, contentType: 'text/csv' },
			headers: { Accept: 'text/plain' },
			expectJson: false,
			timeoutMs: 120_000,
		})
		.catch(async (error: unknown) => {
			if (maybeArrived && httpStatusOf(error) === undefined) {
				(error as Error).message +=
					'; the file may or may not have arrived, so it was not repeated: check Predict → Data Sources before running again';
			}
			return await Promise.reject(error);
		});
	return { status: r.status, body: typeof r.body === 'string' ? r.body : String(r.body ?? '') };
}
