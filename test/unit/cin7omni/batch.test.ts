import { router } from '../../../nodes/Cin7Omni/actions/router';
import { bodyOf, omni } from './fixture';

const params = (n: number) =>
	Array.from({ length: n }, (_, i) => ({
		resource: 'contact',
		operation: 'create',
		type: 'Customer',
		email: i === 1 ? 'bad' : `c${i}@x.com`,
		additionalFields: {},
	}));

describe('Cin7 Omni batch writes', () => {
	omni.useTestEnv();

	const reply = [
		{ index: 0, success: true, id: 1, errors: [] },
		{ index: 1, success: false, errors: ['Email is invalid'] },
		{ index: 2, success: true, id: 3, errors: [] },
	];

	it('one bad record fails only its own item with continue on fail', async () => {
		omni.api().post(omni.path('/Contacts')).reply(200, reply);
		const { out } = await omni.run(params(3), { items: omni.items(3), continueOnFail: true });
		expect(out).toHaveLength(3);
		expect(out[0].json).toMatchObject({ id: 1, success: true });
		expect(out[1].json.error).toMatch(/Item 1: Cin7 Omni rejected the record: Email is invalid/);
		expect(out[1].pairedItem).toEqual({ item: 1 });
		expect(out[2].json).toMatchObject({ id: 3, success: true });
	});

	it('without continue on fail a per-record failure throws naming the item', async () => {
		omni.api().post(omni.path('/Contacts')).reply(200, reply);
		const error = await omni.run(params(3), { items: omni.items(3) }).catch((e) => e);
		expect(error.message).toMatch(/Item 1: .*Email is invalid/);
		expect(error.context.itemIndex).toBe(1);
	});

	it('results are matched by index, not by position', async () => {
		omni.api().post(omni.path('/Contacts')).reply(200, [reply[2], reply[1], reply[0]]);
		const { out } = await omni.run(params(3), { items: omni.items(3), continueOnFail: true });
		expect(out.map((o) => o.json.id)).toEqual([1, undefined, 3]);
	});

	it('an input error fails only that item and is never sent', async () => {
		omni.api().post(omni.path('/Contacts')).reply(200, [{ index: 0, success: true, id: 1 }, { index: 1, success: true, id: 3 }]);
		const p = params(3);
		(p[1] as Record<string, unknown>).operation = 'create';
		const bad = [...p];
		bad[1] = { ...p[1], resource: 'contact', additionalFields: { emailSubscription: 'subscribed' } } as never;
		const { out, requests } = await omni.run(bad.map((b, i) => (i === 1 ? { ...b, subscriptionSource: 'group' } : b)), {
			items: omni.items(3),
			continueOnFail: true,
		});
		expect(bodyOf(requests[0])).toHaveLength(2);
		expect(out[1].json.error).toMatch(/Item 1: Additional Fields → Email Subscription/);
		expect(out.map((o) => o.json.id)).toEqual([1, undefined, 3]);
	});

	it('an input error without continue on fail stops before anything is written', async () => {
		const p = params(2).map((x, i) => (i === 1 ? { ...x, subscriptionSource: 'stage', additionalFields: { emailSubscription: 'unsubscribed' } } : x));
		const { ctx, requests } = omni.context(p, { items: omni.items(2) });
		await expect(router.call(ctx)).rejects.toThrow(/Item 1/);
		expect(requests).toHaveLength(0);
	});

	it('sends at most 250 records per call', async () => {
		const n = 251;
		omni
			.api()
			.post(omni.path('/Contacts'))
			.reply(200, (_uri, body) => (body as unknown[]).map((_, index) => ({ index, success: true, id: index })));
		omni
			.api()
			.post(omni.path('/Contacts'))
			.reply(200, (_uri, body) => (body as unknown[]).map((_, index) => ({ index, success: true, id: 1000 + index })));
		const p = Array.from({ length: n }, (_, i) => ({ resource: 'contact', operation: 'create', type: 'Customer', email: `c${i}@x.com`, additionalFields: {} }));
		const { out, requests } = await omni.run(p, { items: omni.items(n) });
		expect(requests.map((r) => bodyOf(r).length)).toEqual([250, 1]);
		expect(out[250].json.id).toBe(1000);
		expect(out[250].pairedItem).toEqual({ item: 250 });
	});

	it('a whole-call failure fails every item of that call', async () => {
		omni.api().post(omni.path('/Contacts')).reply(400, 'Missing or malformed JSON data');
		const { out } = await omni.run(params(2).map((x) => ({ ...x, email: 'ok@x.com' })), { items: omni.items(2), continueOnFail: true });
		expect(out.every((o) => /malformed JSON/.test(String(o.json.error)))).toBe(true);
	});

	it('a write answered with anything but a list of results fails the call\'s items, naming the call', async () => {
		omni.api().post(omni.path('/Contacts')).reply(200, { Message: 'Accepted' });
		const { out } = await omni.run(params(2).map((x, i) => ({ ...x, email: `ok${i}@x.com` })), { items: omni.items(2), continueOnFail: true });
		expect(out.map((o) => o.json.error)).toEqual([
			'Cin7 Omni answered POST /Contacts with a single object instead of one result per record',
			'Cin7 Omni answered POST /Contacts with a single object instead of one result per record',
		]);
	});

	it('without continue on fail no batch is sent after a batch that failed', async () => {
		omni.api().post(omni.path('/Contacts')).reply(400, 'Missing or malformed JSON data');
		const p = Array.from({ length: 251 }, (_, i) => ({ resource: 'contact', operation: 'create', type: 'Customer', email: `c${i}@x.com`, additionalFields: {} }));
		const { ctx, requests } = omni.context(p, { items: omni.items(251) });
		const error = await router.call(ctx).catch((e) => e);
		expect(error.message).toMatch(/malformed JSON/);
		expect(error.context.itemIndex).toBe(0);
		expect(requests).toHaveLength(1);
	});

	it('a record rejected in an upsert names its email; items sharing it follow the first', async () => {
		omni.api().get(omni.path('/Contacts')).query(true).reply(200, []);
		omni.api().post(omni.path('/Contacts')).reply(200, [{ index: 0, success: false, errors: ['Email is invalid'] }]);
		const upsert = { resource: 'contact', operation: 'upsert', type: 'Customer', email: 'Bad@x', additionalFields: {} };
		const { out } = await omni.run([upsert, upsert], { items: omni.items(2), continueOnFail: true });
		expect(out.map((o) => o.json.error)).toEqual([
			'Item 0: Cin7 Omni rejected the record "bad@x": Email is invalid',
			'Item 0: Cin7 Omni rejected the record "bad@x": Email is invalid',
		]);
		expect(out[1].json.duplicateOfItem).toBe(0);
		expect(out.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('a failed lookup fails only the items whose keys it asked for', async () => {
		omni.api().get(omni.path('/SalesOrders')).query(true).reply(400, 'Bad where');
		const order = { resource: 'salesOrder', operation: 'create', reference: 'WEB-1', lineItems: { line: [{ code: 'A', qty: 1 }] }, additionalFields: {} };
		omni.api().post(omni.path('/SalesOrders')).reply(200, [{ index: 0, success: true, id: 7, code: 'SO-7' }]);
		const { out } = await omni.run([order, { ...order, reference: '' }], { items: omni.items(2), continueOnFail: true });
		expect(out[0].json.error).toMatch(/Bad where/);
		expect(out[1].json).toMatchObject({ id: 7, reference: 'SO-7', success: true, alreadyExisted: false });
	});
});

