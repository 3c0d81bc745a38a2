import type { INodeProperties } from 'n8n-workflow';

import { Cin7CoreApi } from '../../../credentials/Cin7CoreApi.credentials';
import { Cin7Core } from '../../../nodes/Cin7Core/Cin7Core.node';
import { Cin7CoreTrigger } from '../../../nodes/Cin7Core/Cin7CoreTrigger.node';
import { getBins, getLocations, getPriceTiers, getTaxRules } from '../../../nodes/Cin7Core/methods/loadOptions';
import { core } from './fixture';

const { api, context, path } = core;

const field = (props: INodeProperties[], name: string, operation: string) =>
	props.find((p) => p.name === name && (p.displayOptions?.show?.operation as string[] | undefined)?.includes(operation));

describe('Cin7 Core descriptions', () => {
	core.useTestEnv();

	it('keeps the fixed Get Available to Sell parameter contract', () => {
		const props = new Cin7Core().description.properties;
		const expected: Record<string, [string, unknown]> = {
			skus: ['string', ''],
			sellableLocations: ['multiOptions', []],
			excludedLocations: ['multiOptions', []],
			excludedBins: ['multiOptions', []],
			includeDeprecated: ['boolean', false],
			deductUnauthorisedOrders: ['boolean', false],
			safetyBufferMode: ['options', 'none'],
			safetyBufferValue: ['number', 0],
			includeOnOrder: ['boolean', false],
			flagChangesSinceLastRun: ['boolean', false],
		};
		for (const [name, [type, def]] of Object.entries(expected)) {
			const p = field(props, name, 'getAvailableToSell');
			expect(p).toMatchObject({ type, default: def });
			expect(p!.displayOptions!.show!.resource).toEqual(['stock']);
		}
		expect(field(props, 'sellableLocations', 'getAvailableToSell')!.typeOptions).toEqual({ loadOptionsMethod: 'getLocations' });
		// Bins are picked from the location list; expressions (and old comma-separated text) still work.
		const bins = field(props, 'excludedBins', 'getAvailableToSell')!;
		expect(bins.typeOptions).toEqual({ loadOptionsMethod: 'getBins' });
		expect(bins.description).toContain(
			'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		);
		const triggerBins = new Cin7CoreTrigger().description.properties.find((p) => p.name === 'excludedBins')!;
		expect(triggerBins).toMatchObject({ type: 'multiOptions', default: [], typeOptions: { loadOptionsMethod: 'getBins' } });
		expect(triggerBins.displayOptions).toEqual({ show: { event: ['stockLevelChanged'] } });
		expect(new Cin7CoreTrigger().description.properties.find((p) => p.name === 'includeDeprecated')).toMatchObject({ type: 'boolean', default: false });
		expect(new Cin7Core().methods!.loadOptions).toHaveProperty('getBins');
		expect(new Cin7CoreTrigger().methods!.loadOptions).toHaveProperty('getBins');
		expect((field(props, 'safetyBufferMode', 'getAvailableToSell')!.options as Array<{ value: string }>).map((o) => o.value).sort()).toEqual([
			'absolute',
			'none',
			'percent',
		]);
	});

	it('names the nodes and credential as templates expect', () => {
		expect(new Cin7Core().description.name).toBe('cin7Core');
		expect(new Cin7CoreTrigger().description).toMatchObject({ name: 'cin7CoreTrigger', polling: true, inputs: [] });
		const cred = new Cin7CoreApi();
		expect(cred.name).toBe('cin7CoreApi');
		expect(cred.properties.find((p) => p.name === 'baseUrl')!.default).toBe('https://inventory.dearsystems.com/ExternalApi/v2');
		expect(cred.properties.find((p) => p.name === 'callsPerMinute')!.default).toBe(60);
		expect(cred.test.request.url).toBe('/me');
	});

	it('loads locations, price tiers and tax rules by name', async () => {
		api()
			.get(path('/ref/location'))
			.query({ Page: 1, Limit: 1000 })
			.reply(200, { Total: 3, LocationList: [{ Name: 'Store' }, { Name: 'Main', Bins: [{ Name: 'A' }] }, { Name: 'Old', Deprecated: true }] });
		api().get(path('/ref/priceTier')).reply(200, { PriceTiers: [{ Code: 1, Name: 'Retail' }] });
		api().get(path('/ref/tax')).query({ Page: 1, Limit: 1000 }).reply(200, { Total: 1, TaxRuleList: [{ Name: 'GST', IsActive: true }] });
		const { ctx } = context();
		expect(await getLocations.call(ctx)).toEqual([
			{ name: 'Main', value: 'Main', description: '1 bin' },
			{ name: 'Store', value: 'Store', description: undefined },
		]);
		expect(await getPriceTiers.call(ctx)).toEqual([{ name: 'Retail', value: 'Retail', description: 'Tier 1' }]);
		expect(await getTaxRules.call(ctx)).toEqual([{ name: 'GST', value: 'GST', description: undefined }]);
	});

	it('loads every bin of every active location as Location/Bin', async () => {
		api()
			.get(path('/ref/location'))
			.query({ Page: 1, Limit: 1000 })
			.reply(200, {
				Total: 4,
				LocationList: [
					{ Name: 'Store', Bins: [] },
					{ Name: 'Main', Bins: [{ ID: 'b2', Name: 'Returns' }, { ID: 'b1', Name: 'A-01' }] },
					{ Name: 'Online DC', Bins: [{ ID: 'b3', Name: 'P/01' }] },
					{ Name: 'Old', Deprecated: true, Bins: [{ ID: 'b4', Name: 'X' }] },
				],
			});
		const { ctx } = context();
		expect(await getBins.call(ctx)).toEqual([
			{ name: 'Main/A-01', value: 'Main/A-01' },
			{ name: 'Main/Returns', value: 'Main/Returns' },
			{ name: 'Online DC/P/01', value: 'Online DC/P/01' },
		]);
	});
});
