import { parseUtc } from '../../shared/dates';

/**
 * Order Desk writes dates as `YYYY-MM-DD HH:MM:SS` without a zone and does not document which zone
 * (UTC or the store's). The credential's Store Time Zone says which; UTC is the default. ISO text
 * with a zone is read as it says.
 */
const HAS_ZONE = /(Z|[+-]\d{2}:?\d{2})$/i;

/** The zone's offset from UTC at `date`, in ms (positive east of Greenwich). */
function offsetMs(zone: string, date: Date): number {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone: zone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
	}).formatToParts(date);
	const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
	const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
	return wall - Math.floor(date.getTime() / 1000) * 1000;
}

const isUtc = (zone: string) => !zone || /^(utc|gmt|z|etc\/utc)$/i.test(zone.trim());

/** Whether the zone is UTC or an IANA time zone name this runtime knows. */
export function isKnownZone(zone: string): boolean {
	if (isUtc(zone)) return true;
	try {
		new Intl.DateTimeFormat('en-US', { timeZone: zone.trim() });
		return true;
	} catch {
		return false;
	}
}

/** A moment as Order Desk's filters read it: `YYYY-MM-DD HH:MM:SS` in the store's zone. */
export function formatOrderDeskDate(date: Date, zone: string): string {
	const shifted = isUtc(zone) ? date : new Date(date.getTime() + offsetMs(zone.trim(), date));
	return shifted.toISOString().slice(0, 19).replace('T', ' ');
}

/** An Order Desk date (store zone unless it names one) as a moment; undefined when unreadable. */
export function parseOrderDeskDate(value: unknown, zone: string): Date | undefined {
	if (typeof value !== 'string' || isUtc(zone) || HAS_ZONE.test(value.trim())) return parseUtc(value);
	const wall = parseUtc(value);
	if (!wall) return undefined;
	// The offset at the wall time itself can differ across a DST change: take the offset again at
	// the first guess.
	const guess = new Date(wall.getTime() - offsetMs(zone.trim(), wall));
	return new Date(wall.getTime() - offsetMs(zone.trim(), guess));
}
