/**
 * Vendor timestamps. Cin7 Core sometimes omits the trailing `Z` although every timestamp it
 * serves is UTC; parsing such a string with `new Date()` would read it as local time and shift
 * a poll cursor by the server's zone offset.
 */
const HAS_ZONE = /(Z|[+-]\d{2}:?\d{2})$/i;

export function parseUtc(value: unknown): Date | undefined {
	if (value === null || value === undefined || value === '') return undefined;
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
	if (typeof value === 'number') return Number.isFinite(value) ? new Date(value) : undefined;
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	// Microsoft JSON dates, as some Cin7 endpoints still emit: /Date(1700000000000)/
	const msJson = /^\/Date\((-?\d+)([+-]\d{4})?\)\/$/.exec(text);
	if (msJson) return new Date(Number(msJson[1]));
	const iso = /^\d{4}-\d{2}-\d{2}$/.test(text)
		? `${text}T00:00:00Z`
		: HAS_ZONE.test(text)
			? text
			: `${text}Z`;
	const date = new Date(iso);
	return Number.isNaN(date.getTime()) ? undefined : date;
}

/** Cin7 Core filter format: `yyyy-MM-ddTHH:mm:ss` in UTC, no zone suffix. */
export function formatCoreDate(date: Date): string {
	return date.toISOString().slice(0, 19);
}

/** Cin7 Omni filter format: `yyyy-MM-ddTHH:mm:ssZ`. */
export function formatOmniDate(date: Date): string {
	return `${date.toISOString().slice(0, 19)}Z`;
}
