import type { IDataObject } from 'n8n-workflow';

import { em, ok } from './fixture';

em.useTestEnv();

/**
 * `POST /field` is not idempotent, so the transport never resends it; Field → Ensure does, after
 * reading the fields again by name, so a fault neither fails the run nor makes a second field.
 */
const FIELDS = [{ id: 3, name: 'E-Mail', string_id: 'email', application_type: 'email' }];
const NEW = { id: 106510, name: 'cin7_lifetime_value', string_id: 'cin7_lifetime_value', application_type: 'numeric' };
const ensure = (extra: IDataObject = {}) =>
	em.run({ resource: 'field', operation: 'ensure', fields: { field: [{ name: 'cin7_lifetime_value', type: 'numeric' }] }, ...extra });

/** Counts the creates Emarsys receives: each gets the answer next in line. */
function creates(answers: Array<'ok' | 500 | 502 | 'drop'>): IDataObject[] {
	const bodies: IDataObject[] = [];
	for (const answer of answers) {
		const scope = em.api().post('/api/v2/field');
		if (answer === 'drop') {
			scope.replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
			continue;
		}
		scope.reply((_uri, body) => {
			bodies.push(body as IDataObject);
			return answer === 'ok' ? [200, ok({ id: NEW.id })] : [answer, { replyCode: 1, replyText: 'Internal error', data: '' }];
		});
	}
	return bodies;
}

describe('Emarsys field ensure under faults', () => {
	it('uses the field a create answered 500 to but did write, without creating it again', async () => {
		em.api().get('/api/v2/field').reply(200, ok(FIELDS));
		const bodies = creates([500]);
		em.api().get('/api/v2/field').reply(200, ok([...FIELDS, NEW]));
		const { json } = await ensure();
		expect(bodies).toHaveLength(1);
		expect(json).toEqual([{ name: 'cin7_lifetime_value', id: NEW.id, type: 'numeric', status: 'exists' }]);
	});

	it('creates the field once more when the 500 wrote nothing (checked by reading the fields again)', async () => {
		em.api().get('/api/v2/field').reply(200, ok(FIELDS));
		const bodies = creates([500, 'ok']);
		em.api().get('/api/v2/field').reply(200, ok(FIELDS));
		const { json } = await ensure();
		expect(bodies).toEqual([
			{ name: 'cin7_lifetime_value', application_type: 'numeric' },
			{ name: 'cin7_lifetime_value', application_type: 'numeric' },
		]);
		expect(json).toEqual([{ name: 'cin7_lifetime_value', id: NEW.id, type: 'numeric', status: 'created' }]);
	});

	it('treats a dropped connection and a 502 like a 500: reads again, then creates once', async () => {
		em.api().get('/api/v2/field').reply(200, ok(FIELDS));
		creates(['drop']);
		em.api().get('/api/v2/field').reply(200, ok(FIELDS));
		const bodies = creates(['ok']);
		const dropped = await ensure();
		expect(bodies).toHaveLength(1);
		expect(dropped.json).toEqual([{ name: 'cin7_lifetime_value', id: NEW.id, type: 'numeric', status: 'created' }]);

		em.api().get('/api/v2/field').reply(200, ok(FIELDS));
		const gateway = creates([502]);
		em.api().get('/api/v2/field').reply(200, ok([...FIELDS, NEW]));
		const { json } = await ensure();
		expect(gateway).toHaveLength(1);
		expect(json).toEqual([{ name: 'cin7_lifetime_value', id: NEW.id, type: 'numeric', status: 'exists' }]);
	});

	it('fails the item naming the field when the create fails again, after reading the fields each time', async () => {
		em.api().get('/api/v2/field').reply(200, ok(FIELDS));
		const bodies = creates([500, 502]);
		em.api().get('/api/v2/field').times(2).reply(200, ok(FIELDS));
		await expect(ensure()).rejects.toThrow(/Item 0: Emarsys field "cin7_lifetime_value" \(numeric\) could not be created after 2 attempt\(s\)/);
		expect(bodies).toHaveLength(2);
	});

	it('reports a field that reappears with another type as a conflict, never creating a second one', async () => {
		em.api().get('/api/v2/field').reply(200, ok(FIELDS));
		const bodies = creates([500]);
		em.api().get('/api/v2/field').reply(200, ok([...FIELDS, { ...NEW, application_type: 'shorttext' }]));
		const { json } = await ensure({ onTypeConflict: 'report' });
		expect(bodies).toHaveLength(1);
		expect(json).toEqual([{ name: 'cin7_lifetime_value', id: NEW.id, type: 'numeric', existingType: 'shorttext', status: 'typeConflict' }]);
	});

	it('does not resend a create Emarsys refused (4xx): nothing was written', async () => {
		em.api().get('/api/v2/field').reply(200, ok(FIELDS));
		em.api().post('/api/v2/field').reply(400, { replyCode: 2007, replyText: 'Invalid field name', data: '' });
		await expect(ensure()).rejects.toThrow(/Item 0: Emarsys field "cin7_lifetime_value" \(numeric\) could not be created after 1 attempt\(s\): .*Invalid field name/);
	});
});
