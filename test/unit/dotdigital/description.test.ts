import type { INodeProperties } from 'n8n-workflow';

import { DotdigitalApi } from '../../../credentials/DotdigitalApi.credentials';
import { Dotdigital } from '../../../nodes/Dotdigital/Dotdigital.node';

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
});
