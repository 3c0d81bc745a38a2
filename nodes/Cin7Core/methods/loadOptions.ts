import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { coreList, coreRequest } from '../transport';

const byName = (rows: IDataObject[], describe?: (r: IDataObject) => string | undefined): INodePropertyOptions[] =>
	rows
		.filter((r) => r.Name)
		.map((r) => ({ name: String(r.Name), value: String(r.Name), description: describe?.(r) }))
		.sort((a, b) => a.name.localeCompare(b.name));

/** Cin7 Core references locations, price tiers and tax rules by name, so names are the values. */
export async function getLocations(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const rows = await coreList.call(this, '/ref/location', 'LocationList');
	return byName(
		rows.filter((r) => r.Deprecated !== true),
		(r) => {
			const bins = (r.Bins as IDataObject[] | undefined)?.length ?? 0;
			return bins ? `${bins} bin${bins === 1 ? '' : 's'}` : undefined;
		},
	);
}

/**
 * Every bin of every location as `Location/Bin` (the value the available-to-sell settings read), so
 * an excluded bin is picked, never mistyped.
 */
export async function getBins(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const rows = await coreList.call(this, '/ref/location', 'LocationList');
	const options: INodePropertyOptions[] = [];
	for (const location of rows.filter((r) => r.Deprecated !== true && r.Name)) {
		for (const bin of (location.Bins as IDataObject[] | undefined) ?? []) {
			if (!bin?.Name) continue;
			const value = `${String(location.Name)}/${String(bin.Name)}`;
			options.push({ name: value, value });
		}
	}
	return options.sort((a, b) => a.name.localeCompare(b.name));
}

export async function getPriceTiers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const body = await coreRequest.call(this, 'GET', '/ref/priceTier');
	return ((body.PriceTiers as IDataObject[] | undefined) ?? [])
		.filter((t) => t.Name)
		.map((t) => ({ name: String(t.Name), value: String(t.Name), description: `Tier ${String(t.Code ?? '')}` }));
}

export async function getTaxRules(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const rows = await coreList.call(this, '/ref/tax', 'TaxRuleList');
	return byName(rows.filter((r) => r.IsActive !== false));
}
