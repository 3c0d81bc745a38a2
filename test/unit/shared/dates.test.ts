import { formatCoreDate, formatOmniDate, parseUtc } from '../../../nodes/shared/dates';

describe('parseUtc', () => {
	it('reads a timestamp without a zone as UTC, whatever the local zone', () => {
		expect(parseUtc('2018-02-07T07:22:37.21')?.toISOString()).toBe('2018-02-07T07:22:37.210Z');
		expect(parseUtc('2025-10-08T10:21:05.087Z')?.toISOString()).toBe('2025-10-08T10:21:05.087Z');
		expect(parseUtc('2025-10-08T12:21:05+02:00')?.toISOString()).toBe('2025-10-08T10:21:05.000Z');
	});

	it('reads date-only values as UTC midnight', () => {
		expect(parseUtc('2024-06-01')?.toISOString()).toBe('2024-06-01T00:00:00.000Z');
	});

	it('reads Microsoft JSON dates, ignoring the display offset', () => {
		expect(parseUtc('/Date(1700000000000)/')?.getTime()).toBe(1_700_000_000_000);
		expect(parseUtc('/Date(1700000000000+0100)/')?.getTime()).toBe(1_700_000_000_000);
	});

	it('accepts Dates and epoch numbers, rejects garbage', () => {
		const d = new Date('2026-01-01T00:00:00Z');
		expect(parseUtc(d)).toBe(d);
		expect(parseUtc(1_700_000_000_000)?.getTime()).toBe(1_700_000_000_000);
		for (const bad of ['', null, undefined, 'not a date', {}, Number.NaN, new Date('x')]) {
			expect(parseUtc(bad)).toBeUndefined();
		}
	});
});

describe('formats', () => {
	const d = new Date('2026-03-04T05:06:07.890Z');
	it('Cin7 Core: UTC without zone suffix, whole seconds', () => expect(formatCoreDate(d)).toBe('2026-03-04T05:06:07'));
	it('Cin7 Omni: UTC with Z, whole seconds', () => expect(formatOmniDate(d)).toBe('2026-03-04T05:06:07Z'));
});
