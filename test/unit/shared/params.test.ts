import type { ICredentialType } from 'n8n-workflow';

import {
	compact,
	pairsToObject,
	positiveNumber,
	readDate,
	readId,
	readJson,
	requiredText,
	same,
	splitList,
} from '../../../nodes/shared/params';
import { pollSettingsProperties, readPollSettings } from '../../../nodes/shared/pollSettings';
import { createContext } from '../helpers/fakeContext';

const credentialType: ICredentialType = { name: 'noneApi', displayName: 'None API', properties: [] };
const ctx = (parameters = {}, poll = false) => createContext({ credentialType, credentials: {}, parameters, poll }).ctx;

describe('the parameter kit', () => {
	it('splitList: commas or newlines, trimmed, empty and repeated entries dropped, arrays accepted', () => {
		expect(splitList(' A, B\nC,,A ')).toEqual(['A', 'B', 'C']);
		expect(splitList(['x', ' y ', '', 'x', null])).toEqual(['x', 'y']);
		expect(splitList(undefined)).toEqual([]);
		expect(splitList(7)).toEqual(['7']);
	});

	it('same: case and surrounding space do not matter', () => {
		expect(same(' Main Warehouse ', 'main warehouse')).toBe(true);
		expect(same('a', 'b')).toBe(false);
		expect(same(undefined, '')).toBe(true);
	});

	it('compact: shallow drops empty top-level values only; deep drops them at every depth', () => {
		const record = { a: '', b: ' ', c: null, d: 0, e: false, f: { g: '', h: 'x' }, i: [{ j: '' }], k: [] };
		expect(compact(record)).toEqual({ d: 0, e: false, f: { g: '', h: 'x' }, i: [{ j: '' }], k: [] });
		expect(compact(record, 'deep')).toEqual({ d: 0, e: false, f: { h: 'x' } });
	});

	it('requiredText names the item and the field', () => {
		expect(requiredText(ctx(), 2, 'Name', '  Ann ')).toBe('Ann');
		expect(() => requiredText(ctx(), 2, 'Name', '  ')).toThrow('Item 2: Name is empty');
		expect(() => requiredText(ctx(), 0, 'Name', undefined)).toThrow('Item 0: Name is empty');
	});

	it('readDate reads UTC (a zone-less text is UTC) and names a bad value', () => {
		expect(readDate(ctx(), 0, 'Since', '2026-03-01T10:00:00')?.toISOString()).toBe('2026-03-01T10:00:00.000Z');
		expect(readDate(ctx(), 0, 'Since', '')).toBeUndefined();
		expect(() => readDate(ctx(), 1, 'Since', '31/31/2026')).toThrow('Item 1: Since is not a valid date ("31/31/2026")');
	});

	it('readId wants a positive whole number', () => {
		expect(readId(ctx(), 0, 'Contact ID', ' 42 ')).toBe(42);
		expect(readId(ctx(), 0, 'Contact ID', 7)).toBe(7);
		for (const bad of ['', 'abc', '1.5', '-3', 0, undefined]) {
			expect(() => readId(ctx(), 3, 'Contact ID', bad)).toThrow(/^Item 3: Contact ID must be a positive whole number/);
		}
	});

	it('readJson takes text or a parsed value, and checks the shape', () => {
		expect(readJson(ctx(), 0, 'Body', '{"a":1}', 'object')).toEqual({ a: 1 });
		expect(readJson(ctx(), 0, 'Body', [1], 'array')).toEqual([1]);
		expect(readJson(ctx(), 0, 'Body', ' ')).toBeUndefined();
		expect(() => readJson(ctx(), 1, 'Body', '{a:', 'object')).toThrow('Item 1: Body is not valid JSON');
		expect(() => readJson(ctx(), 1, 'Body', '[1]', 'object', '{"A": 1}')).toThrow('Item 1: Body must be a JSON object, e.g. {"A": 1}');
		expect(() => readJson(ctx(), 1, 'Body', '{}', 'array')).toThrow('Item 1: Body must be a JSON array');
	});

	it('pairsToObject skips rows without a name; positiveNumber falls back on anything not above 0', () => {
		expect(pairsToObject({ field: [{ name: ' a ', value: '1' }, { name: '', value: '2' }] })).toEqual({ a: '1' });
		expect(pairsToObject(undefined)).toEqual({});
		expect([positiveNumber('30', 60), positiveNumber(0, 60), positiveNumber('x', 60), positiveNumber(0.5, 60)]).toEqual([30, 60, 60, 0.5]);
	});
});

describe('the shared poll settings', () => {
	it('are the same three fields everywhere, with the overlap floor and a named start-date error', () => {
		expect(pollSettingsProperties().map((p) => [p.name, p.displayName, p.default])).toEqual([
			['maxPerPoll', 'Max Records per Poll', 1000],
			['overlapMinutes', 'Overlap (Minutes)', 5],
			['startDate', 'Start Date', ''],
		]);
		expect(readPollSettings(ctx({}, true))).toEqual({ maxPerPoll: 1000, overlapMs: 300_000, startDate: undefined });
		expect(readPollSettings(ctx({ maxPerPoll: 250.7, overlapMinutes: 0, startDate: '2026-01-01' }, true))).toEqual({
			maxPerPoll: 250,
			overlapMs: 60_000,
			startDate: new Date('2026-01-01T00:00:00Z'),
		});
		expect(() => readPollSettings(ctx({ startDate: 'soon' }, true))).toThrow('Start Date is not a valid date: "soon"');
	});

	it('may limit Overlap and Start Date to the events that walk a cursor', () => {
		const props = pollSettingsProperties({ cursorDisplayOptions: { show: { event: ['updated'] } }, maxPerPollHint: 'h' });
		expect(props[0].hint).toBe('h');
		expect(props[0].displayOptions).toBeUndefined();
		expect(props[1].displayOptions).toEqual({ show: { event: ['updated'] } });
		expect(props[2].displayOptions).toEqual({ show: { event: ['updated'] } });
	});
});
