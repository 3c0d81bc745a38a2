'use strict';
// Order Desk dates as the sandbox reads the reference: record timestamps are store-local
// "YYYY-MM-DD HH:MM:SS" without a zone, in the time zone GET /store names; the modified / search
// date filters take the same store-local text (or a date alone = local midnight), and an ISO 8601
// instant with Z or an offset is read as that instant. The reference marks the format and zone
// uncertain; a client that reads the store's zone (or sends an instant) works under both readings.

const STORE_TIME_ZONE = 'America/New_York';
const formatters = new Map();

function formatter(tz) {
	let f = formatters.get(tz);
	if (!f) {
		f = new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
		formatters.set(tz, f);
	}
	return f;
}
function parts(ms, tz) {
	const o = {};
	for (const p of formatter(tz).formatToParts(new Date(ms))) o[p.type] = p.value;
	return o;
}
/** An instant as store-local "YYYY-MM-DD HH:MM:SS". */
function toLocal(ms, tz = STORE_TIME_ZONE) {
	const p = parts(Math.floor(ms / 1000) * 1000, tz);
	return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}
/** Offset of the zone from UTC at an instant, in ms (New York in winter: −5 h). */
function offsetAt(ms, tz) {
	const p = parts(ms, tz);
	return Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second) - Math.floor(ms / 1000) * 1000;
}
/** Store-local wall-clock fields → the instant (ms); the offset is read twice to settle DST edges. */
function fromLocal(y, mo, d, h, mi, s, tz = STORE_TIME_ZONE) {
	const wall = Date.UTC(y, mo - 1, d, h, mi, s);
	let ms = wall - offsetAt(wall, tz);
	ms = wall - offsetAt(ms, tz);
	return ms;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

/** A filter value → ms, or null when it is neither reading. */
function parseFilterDate(raw, tz = STORE_TIME_ZONE) {
	const text = String(raw == null ? '' : raw).trim();
	if (INSTANT.test(text)) {
		const ms = Date.parse(text);
		return Number.isNaN(ms) ? null : ms;
	}
	const m = LOCAL.exec(text);
	if (!m) return null;
	const ms = fromLocal(+m[1], +m[2], +m[3], +(m[4] || 0), +(m[5] || 0), +(m[6] || 0), tz);
	return Number.isNaN(ms) ? null : ms;
}

module.exports = { STORE_TIME_ZONE, toLocal, fromLocal, parseFilterDate, offsetAt };
