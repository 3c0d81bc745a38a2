import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import type { ItemResult } from '../../../shared/items';
import { oncePerRun } from '../../../shared/runCache';
import { seg, sparkLayerPriceLists, sparkLayerRequest } from '../../transport';
import { buildPriceList, priceListFields } from './fields';

export const description = updateDisplayOptions({ show: { resource: ['priceList'], operation: ['getOrCreate'] } }, priceListFields);

/** The fields of a stored list that differ from the wanted one (only fields the item sets count). */
function differences(stored: IDataObject, wanted: IDataObject): string[] {
	const out: string[] = [];
	if (stored.name !== wanted.name) out.push('name');
	if (String(stored.currency_code ?? '').toUpperCase() !== wanted.currency_code) out.push('currency_code');
	if (wanted.tax_inclusive_display !== undefined && Boolean(stored.tax_inclusive_display) !== wanted.tax_inclusive_display) {
		out.push('tax_inclusive_display');
	}
	if (wanted.rules !== undefined && !sameRules(stored.rules, wanted.rules)) out.push('rules');
	return out;
}

function sameRules(a: unknown, b: unknown): boolean {
	const norm = (rules: unknown) =>
		(Array.isArray(rules) ? (rules as IDataObject[]) : []).map((r) => [
			r.source_price_list_slug,
			Number(r.adjustment_percentage ?? 0),
			r.adjustment_direction ?? 'minus',
			Number(r.currency_exchange_rate ?? 1),
		]);
	return JSON.stringify(norm(a)) === JSON.stringify(norm(b));
}

/**
 * Reads every price list once per run (never probes a slug for a 404) and creates the missing
 * one; a list whose name, currency, tax display or rule changed in the source (a Cin7 price tier
 * renamed) is updated with PUT. Lists created during the run join the snapshot, so items naming
 * the same list never create it twice.
 */
export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const wanted = buildPriceList(this, i);
	const known = await oncePerRun(
		this,
		'sparkLayerPriceLists',
		async () => new Map((await sparkLayerPriceLists.call(this)).map((l) => [String(l.slug), l] as const)),
	);
	const slug = wanted.slug as string;
	const stored = known.get(slug);
	if (!stored) {
		const created = (await sparkLayerRequest.call(this, 'POST', '/api/v1/price-lists', undefined, wanted)) as IDataObject;
		known.set(slug, created);
		return { ...created, created: true, updated: false };
	}
	const changed = differences(stored, wanted);
	if (!changed.length) return { ...stored, created: false, updated: false };
	const { slug: _slug, source: _source, ...update } = wanted;
	const updated = (await sparkLayerRequest.call(this, 'PUT', `/api/v1/price-lists/${seg(slug)}`, undefined, update)) as IDataObject;
	known.set(slug, updated);
	return { ...updated, created: false, updated: true, changedFields: changed };
}
