import type { INodeProperties } from 'n8n-workflow';

import { DotdigitalApi } from '../../../credentials/DotdigitalApi.credentials';
import { Dotdigital } from '../../../nodes/Dotdigital/Dotdigital.node';
import { DotdigitalTrigger } from '../../../nodes/Dotdigital/DotdigitalTrigger.node';

const node = new Dotdigital();
const props = node.description.properties;

describe('Dotdigital node description', () => {
	it('gives every operation an action and sorts the options', () => {
		const operations = props.filter((p) => p.name === 'operation');
		expect(operations.map((o) => o.displayOptions?.show?.resource?.[0]).sort()).toEqual([
			'contact',
			'dataField',
			'insightData',
			'list',
			'suppression',
		]);
		for (const op of operations) {
			const names = (op.options as Array<{ name: string; action?: string }>).map((o) => o.name);
			expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
			for (const o of op.options as Array<{ action?: string }>) expect(o.action).toBeTruthy();
			expect(op.noDataExpression).toBe(true);
		}
	});

	it('shows every operation field only for its resource and operation', () => {
		const fields = props.filter((p: INodeProperties) => !['resource', 'operation'].includes(p.name));
		for (const f of fields) {
			expect(f.displayOptions?.show?.resource).toHaveLength(1);
			expect(f.displayOptions?.show?.operation).toHaveLength(1);
		}
	});

	it('declares a Basic-auth credential with a secret password and the account-info test', () => {
		const cred = new DotdigitalApi();
		expect(cred.name).toBe('dotdigitalApi');
		expect(cred.properties.find((p) => p.name === 'password')?.typeOptions?.password).toBe(true);
		expect(cred.properties.find((p) => p.name === 'callsPerMinute')?.default).toBe(35);
		expect(cred.test.request.url).toBe('/v2/account-info');
		expect(node.description.usableAsTool).toBe(true);
	});

	it('offers the account\'s data fields as the name of each Data Fields row, expressions still allowed', () => {
		for (const operation of ['upsert', 'bulkImport']) {
			const rows = props.find((p) => p.name === 'dataFieldsUi' && p.displayOptions?.show?.operation?.[0] === operation);
			const values = (rows?.options as Array<{ values: INodeProperties[] }>)[0].values;
			const name = values.find((v) => v.name === 'key');
			expect(name?.type).toBe('options');
			expect(name?.typeOptions?.loadOptionsMethod).toBe('getDataFields');
			expect(name?.description).toMatch(/specify an ID using an <a href="https:\/\/docs\.n8n\.io\/code\/expressions\/">expression<\/a>/);
		}
		expect(typeof node.methods.loadOptions.getDataFields).toBe('function');
		expect(typeof node.methods.loadOptions.getLists).toBe('function');
	});

	it('gives the trigger a fixed event and the shared poll settings at the top level', () => {
		const trigger = new DotdigitalTrigger().description.properties;
		expect(trigger.find((p) => p.name === 'event')?.noDataExpression).toBe(true);
		expect(trigger.map((p) => p.name)).toEqual(['event', 'maxPerPoll', 'overlapMinutes', 'startDate']);
		expect(trigger.find((p) => p.name === 'maxPerPoll')?.default).toBe(1000);
		expect(trigger.find((p) => p.name === 'overlapMinutes')?.default).toBe(5);
	});
});
