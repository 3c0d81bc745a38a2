import type { IDataObject } from 'n8n-workflow';

import type { RequestContext } from '../../shared/http';
import { same } from '../../shared/params';
import { oncePerRun } from '../../shared/runCache';
import { coreList } from '../transport';

/** A Cin7 Core location as the available-to-sell settings need it. */
export interface CoreLocation {
	id: string;
	name: string;
	deprecated: boolean;
	/** Bin names; undefined when the location record carries no `Bins` at all (nothing to check against). */
	bins: string[] | undefined;
}

/** Location and bin names (or location IDs) typed or picked in the available-to-sell settings. */
export interface LocationNames {
	sellableLocations: string[];
	excludedLocations: string[];
	excludedBins: string[];
}

function toLocation(row: IDataObject): CoreLocation {
	const bins = Array.isArray(row.Bins)
		? (row.Bins as IDataObject[]).map((b) => String(b?.Name ?? '').trim()).filter(Boolean)
		: undefined;
	return { id: String(row.ID ?? ''), name: String(row.Name ?? '').trim(), deprecated: row.Deprecated === true, bins };
}

/**
 * Every location, deprecated ones included: a deprecated location can still hold stock rows, and
 * excluding it by name must not be refused. `Deprecated=true` is read as "include deprecated" (as
 * Location → Get Many does); should it ever answer only deprecated locations, the active ones are
 * read too.
 */
async function readLocations(ctx: RequestContext): Promise<CoreLocation[]> {
	const all = await coreList.call(ctx, '/ref/location', 'LocationList', { Deprecated: true });
	if (!all.length || all.every((r) => r.Deprecated === true)) {
		const seen = new Set(all.map((r) => String(r.ID ?? r.Name)));
		const active = await coreList.call(ctx, '/ref/location', 'LocationList');
		all.push(...active.filter((r) => !seen.has(String(r.ID ?? r.Name))));
	}
	return all.map(toLocation).filter((l) => l.name);
}

/** The locations, read once per run however many items ask. */
export async function locationsForRun(ctx: RequestContext): Promise<CoreLocation[]> {
	return await oncePerRun(ctx, 'cin7CoreLocations', async () => await readLocations(ctx));
}

/** At most this many valid names are listed in an error; the rest are counted. */
const LISTED_MAX = 25;

function listNames(names: string[]): string {
	const shown = names.slice(0, LISTED_MAX).join(', ');
	return names.length > LISTED_MAX ? `${shown} and ${names.length - LISTED_MAX} more` : shown || '(none)';
}

const locationLabels = (locations: CoreLocation[]) =>
	locations.map((l) => (l.deprecated ? `${l.name} (deprecated)` : l.name));

const binLabels = (locations: CoreLocation[]) =>
	locations.flatMap((l) => (l.bins ?? []).map((b) => `${l.name}/${b}`));

/** Builds the error for a value that matches nothing: `field` is the setting, `problem` says why. */
export type NameError = (field: string, problem: string) => Error;

function resolveLocation(field: string, value: string, locations: CoreLocation[], fail: NameError): string {
	const found = locations.find((l) => same(l.name, value)) ?? locations.find((l) => l.id && same(l.id, value));
	if (found) return found.name;
	throw fail(
		field,
		`contains "${value}", which matches no Cin7 Core location. Locations: ${listNames(locationLabels(locations))}`,
	);
}

/**
 * An excluded bin as `Location/Bin` (as the drop-down lists it; a slash inside a name is fine) or a
 * bare bin name meaning that bin in any location. A location whose record carries no bin list
 * cannot be checked, so a bin there is taken as typed.
 */
function resolveBin(value: string, locations: CoreLocation[], fail: NameError): string {
	for (const l of locations) {
		const bin = l.bins?.find((b) => same(`${l.name}/${b}`, value));
		if (bin !== undefined) return `${l.name}/${bin}`;
	}
	for (const l of locations) {
		const bin = l.bins?.find((b) => same(b, value));
		if (bin !== undefined) return bin;
	}
	const prefixed = (l: CoreLocation) => value.toLowerCase().startsWith(`${l.name.toLowerCase()}/`);
	const unchecked = locations.filter((l) => l.bins === undefined);
	// Qualified with a location that lists no bins, or bare while some location lists none.
	if (unchecked.some(prefixed) || (unchecked.length && !locations.some(prefixed))) return value;
	throw fail(
		'Excluded Bins',
		`contains "${value}", which matches no bin of a Cin7 Core location (Location/Bin, or a bare bin name). Bins: ${listNames(binLabels(locations))}`,
	);
}

/**
 * The settings' location and bin names checked against Cin7 Core's locations and spelled as Cin7
 * spells them (a location ID becomes its name). A name that matches nothing would exclude nothing
 * and over-state stock, so it is an error naming the value and the valid names. No names, no call.
 */
export async function resolveLocationNames(
	ctx: RequestContext,
	names: LocationNames,
	fail: NameError,
): Promise<LocationNames> {
	if (!names.sellableLocations.length && !names.excludedLocations.length && !names.excludedBins.length) return names;
	const locations = await locationsForRun(ctx);
	return {
		sellableLocations: names.sellableLocations.map((v) => resolveLocation('Sellable Locations', v, locations, fail)),
		excludedLocations: names.excludedLocations.map((v) => resolveLocation('Excluded Locations', v, locations, fail)),
		excludedBins: names.excludedBins.map((v) => resolveBin(v, locations, fail)),
	};
}
