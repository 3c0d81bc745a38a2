/**
 * The harness itself, on built-in nodes: the package loads as `n8n-nodes-cin7.*`, `execute-batch`
 * returns run data, and server mode fires an activated schedule with executions visible through the
 * public API (owner login from env vars, API key created without a UI).
 */
import { createN8n, nodeOutput, serverApi, sleep, T, type N8n } from './harness/n8n';

const OWNER = { email: 'owner@e2e.test', password: 'E2e-Passw0rd!' };

const builtinWorkflow = (id: string, trigger: 'manual' | 'schedule') => ({
	id,
	name: `harness ${id}`,
	nodes: [
		trigger === 'manual'
			? { id: '5d7a7f1e-0001-4000-8000-000000000001', name: 'Run now', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} }
			: {
					id: '5d7a7f1e-0001-4000-8000-000000000002',
					name: 'Every 2 s',
					type: 'n8n-nodes-base.scheduleTrigger',
					typeVersion: 1.2,
					position: [0, 0],
					parameters: { rule: { interval: [{ field: 'seconds', secondsInterval: 2 }] } },
				},
		{
			id: '5d7a7f1e-0001-4000-8000-000000000003',
			name: 'Set',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			position: [200, 0],
			parameters: {
				assignments: { assignments: [{ id: 'a', name: 'greeting', value: '={{ "hello " + "n8n" }}', type: 'string' }] },
				options: {},
			},
		},
		// Never executed; only proves the package is loaded (an unknown type fails the whole run).
		{
			id: '5d7a7f1e-0001-4000-8000-000000000004',
			name: 'Loaded?',
			type: 'n8n-nodes-cin7.cin7Core',
			typeVersion: 1,
			position: [200, 200],
			parameters: {},
		},
	],
	connections: { [trigger === 'manual' ? 'Run now' : 'Every 2 s']: { main: [[{ node: 'Set', type: 'main', index: 0 }]] } },
	settings: { executionOrder: 'v1' },
	pinData: {},
});

describe('e2e harness (built-in nodes)', () => {
	let n8n: N8n;
	beforeAll(async () => {
		n8n = await createN8n('harness', null, { owner: OWNER });
		await n8n.importWorkflows([builtinWorkflow('harnessManual001', 'manual'), builtinWorkflow('harnessSched0001', 'schedule')]);
	}, T.setup);
	afterAll(async () => n8n && (await n8n.cleanup()), T.run);

	test('the staged package declares our nodes', () => {
		expect(n8n.stage.nodes).toEqual(expect.arrayContaining(['dist/nodes/Cin7Core/Cin7Core.node.js']));
	});

	test('execute-batch runs a workflow next to an n8n-nodes-cin7 node and returns its run data', async () => {
		const r = (await n8n.batch(['harnessManual001'])).harnessManual001;
		expect(r.error).toBeNull();
		expect(r.status).toBe('success');
		expect(nodeOutput(r.runData, 'Set')).toEqual([{ greeting: 'hello n8n' }]);
	}, T.run);

	test('server mode: a published schedule fires; executions are listed by the public API', async () => {
		await n8n.publish('harnessSched0001');
		const srv = await n8n.startServer();
		const session = await serverApi.login(srv, OWNER);
		const api = await serverApi.publicApi(srv, session);
		let executions: Array<{ workflowId: string; status: string; id: string }> = [];
		for (let i = 0; i < 40 && executions.length < 2; i++) {
			await sleep(500);
			executions = (await api('GET', '/executions?workflowId=harnessSched0001&limit=10')).data;
		}
		expect(executions.length).toBeGreaterThanOrEqual(2);
		const one = await api('GET', `/executions/${executions[0].id}?includeData=true`);
		expect(one.status).toBe('success');
		expect(nodeOutput(one.data.resultData.runData, 'Set')).toEqual([{ greeting: 'hello n8n' }]);
		await n8n.stopServer();
	}, T.server);
});
