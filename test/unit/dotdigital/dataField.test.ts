import { getDataFields, getLists } from '../../../nodes/Dotdigital/methods/loadOptions';
import { expectPaired } from '../helpers/systemFixture';
import { dd } from './fixture';

dd.useTestEnv();

const existing = [
	{ name: 'FIRSTNAME', type: 'String', visibility: 'Public' },
	{ name: 'DOB', type: 'Date', visibility: 'Private' },
];

const ensure = (fields: Array<{ name: string; type: string }>, extra: Record<string, unknown> = {}) => ({
	resource: 'dataField',
	operation: 'ensure',
	dataFields: { field: fields },
	visibility: 'Private',
	onTypeConflict: 'error',
	...extra,
});

describe('Dotdigital data field', () => {
	it('gets many data fields with a limit', async () => {
		dd.api().get('/v2/data-fields').reply(200, existing);
		const { out } = await dd.run({ resource: 'dataField', operation: 'getAll', returnAll: false, limit: 1 });
		expect(out.map((o) => o.json.name)).toEqual(['FIRSTNAME']);
		expectPaired(out, [0]);
	});

	it('creates what is missing and reports what exists', async () => {
		dd.api().get('/v2/data-fields').reply(200, existing);
		dd.api()
			.post('/v2/data-fields', { name: 'CUSTOMER_ID', type: 'String', visibility: 'Private' })
			.reply(200, { name: 'CUSTOMER_ID', type: 'String', visibility: 'Private' });
		const { out } = await dd.run(ensure([{ name: 'firstname', type: 'String' }, { name: 'CUSTOMER_ID', type: 'String' }]));
		expect(out.map((o) => [o.json.name, o.json.status])).toEqual([
			['FIRSTNAME', 'exists'],
			['CUSTOMER_ID', 'created'],
		]);
		expectPaired(out, [0, 0]);
	});

	it('reports a type conflict instead of creating anything', async () => {
		dd.api().get('/v2/data-fields').reply(200, existing);
		const params = ensure([{ name: 'CUSTOMER_ID', type: 'String' }, { name: 'DOB', type: 'String' }]);
		const error = await dd.run(params).catch((e) => e);
		expect(error.message).toBe('Item 0: data field type conflict: DOB exists as Date, not String');

		dd.api().get('/v2/data-fields').reply(200, existing);
		dd.api().post('/v2/data-fields').reply(200, { name: 'CUSTOMER_ID', type: 'String' });
		const { out } = await dd.run({ ...params, onTypeConflict: 'report' });
		expect(out[1].json).toMatchObject({ name: 'DOB', status: 'typeConflict', existingType: 'Date', type: 'String' });
	});

	it('treats a field created meanwhile (ERROR_NON_UNIQUE_DATAFIELD) as existing', async () => {
		dd.api().get('/v2/data-fields').reply(200, []);
		dd.api().post('/v2/data-fields').reply(400, { message: 'Field already exists. ERROR_NON_UNIQUE_DATAFIELD' });
		dd.api().get('/v2/data-fields').reply(200, [{ name: 'TIER', type: 'String' }]);
		const { out } = await dd.run(ensure([{ name: 'TIER', type: 'String' }]));
		expect(out[0].json).toMatchObject({ name: 'TIER', status: 'exists' });
	});

	it('names item and row for an invalid field name', async () => {
		dd.api().get('/v2/data-fields').reply(200, [{ name: 'OK', type: 'String' }]);
		await expect(
			dd.run([ensure([{ name: 'OK', type: 'String' }]), ensure([{ name: 'has space', type: 'String' }])], { items: dd.items(2) }),
		).rejects.toThrow(/Item 1: Data Fields row 1 Name "has space" is not a valid data field name/);
	});

	it('loads lists and data fields for pickers', async () => {
		dd.api().get('/v2/address-books').query(true).reply(200, [{ id: 3, name: 'Zed' }, { id: 1, name: 'Alpha' }]);
		dd.api().get('/v2/data-fields').reply(200, existing);
		const { ctx } = dd.context({}, { poll: true });
		expect(await getLists.call(ctx)).toEqual([
			{ name: 'Alpha', value: 1, description: 'ID 1' },
			{ name: 'Zed', value: 3, description: 'ID 3' },
		]);
		expect((await getDataFields.call(ctx)).map((o) => o.value)).toEqual(['DOB', 'FIRSTNAME']);
	});
});
