/**
 * Server mode: an activated workflow with the Cin7 Core Trigger (polling) fires in a running n8n
 * and advances its cursor. Activated offline with `n8n publish:workflow` before `n8n start`;
 * executions read through the public API with the env-managed owner's login; the sandbox
 * request log shows repeated polls whose ModifiedSince moves forward.
 *
 * A backfill start date and a small "max per poll" make the activation poll emit the oldest page
 * of the backlog and the next poll (n8n polls at most once a minute) the following one.
 */
import { createN8n, credentialRef, nodeOutput, serverApi, sleep, startSandbox, T, type Json, type N8n, type Sandbox } from './harness/n8n';

const OWNER = { email: 'owner@e2e.test', password: 'E2e-Passw0rd!' };
const WF_ID = 'e2ePollCore00001';
const PER_POLL = 5;

const workflow = {
	id: WF_ID,
	name: 'e2e: Cin7 Core product updates',
	nodes: [
		{
			id: '6a1f0c8e-0001-4000-8000-000000000001',
			name: 'Product updated',
			type: 'n8n-nodes-cin7.cin7CoreTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {
				pollTimes: { item: [{ mode: 'everyMinute' }] },
				event: 'productUpdated',
				maxPerPoll: PER_POLL,
				startDate: '2000-01-01T00:00:00Z',
			},
			credentials: { cin7CoreApi: credentialRef('cin7CoreApi') },
		},
		{
			id: '6a1f0c8e-0001-4000-8000-000000000002',
			name: 'Keep',
			type: 'n8n-nodes-base.noOp',
			typeVersion: 1,
			position: [220, 0],
			parameters: {},
		},
	],
	connections: { 'Product updated': { main: [[{ node: 'Keep', type: 'main', index: 0 }]] } },
	settings: { executionOrder: 'v1' },
	pinData: {},
};

describe('polling trigger in server mode', () => {
	let sandbox: Sandbox;
	let n8n: N8n;
	beforeAll(async () => {
		sandbox = await startSandbox();
		n8n = await createN8n('polling', sandbox, { owner: OWNER });
		await n8n.importWorkflows([workflow]);
		await n8n.publish(WF_ID);
	}, T.setup);
	afterAll(async () => {
		await n8n?.cleanup();
		await sandbox?.close();
	}, T.run);

	test('fires at activation and again a minute later, each time past the previous cursor', async () => {
		const srv = await n8n.startServer();
		const api = await serverApi.publicApi(srv, await serverApi.login(srv, OWNER));
		let list: Json[] = [];
		const t0 = Date.now();
		while (Date.now() - t0 < 150_000) {
			list = (await api('GET', `/executions?workflowId=${WF_ID}&limit=10`)).data;
			if (list.length >= 2) break;
			await sleep(2000);
		}
		if (list.length < 2) throw new Error(`expected 2 executions, got ${list.length}\n${n8n.serverLog().slice(-3000)}`);

		const runs = [];
		for (const e of [...list].sort((a, b) => Number(a.id) - Number(b.id)).slice(0, 2)) {
			const ex = await api('GET', `/executions/${e.id}?includeData=true`);
			expect(ex.status).toBe('success');
			expect(ex.mode).toBe('trigger');
			runs.push(nodeOutput(ex.data.resultData.runData, 'Product updated'));
		}
		// Field by field against the sandbox: the oldest products first, in order, none twice.
		const products: Json[] = (await sandbox.getState('cin7core')).products;
		const byTime = [...products].sort((a, b) => Date.parse(a.LastModifiedOn + (a.LastModifiedOn.endsWith('Z') ? '' : 'Z')) - Date.parse(b.LastModifiedOn + (b.LastModifiedOn.endsWith('Z') ? '' : 'Z')));
		const emitted = [...runs[0], ...runs[1]];
		expect(runs[0]).toHaveLength(PER_POLL);
		expect(runs[1]).toHaveLength(PER_POLL);
		expect(new Set(emitted.map((p) => p.ID)).size).toBe(emitted.length);
		expect(emitted.map((p) => p.SKU)).toEqual(byTime.slice(0, 2 * PER_POLL).map((p) => p.SKU));
		for (const p of emitted) {
			const s = products.find((x) => x.ID === p.ID) as Json;
			expect({ ID: p.ID, SKU: p.SKU, Name: p.Name, LastModifiedOn: p.LastModifiedOn }).toEqual({ ID: s.ID, SKU: s.SKU, Name: s.Name, LastModifiedOn: s.LastModifiedOn });
		}

		// The sandbox saw repeated polls of /product whose ModifiedSince moved forward.
		const polls = (await sandbox.getRequests({ system: 'cin7core' })).filter((r) => /\/product$/i.test(r.path) && r.query?.ModifiedSince);
		const sinces = [...new Set(polls.map((r) => r.query.ModifiedSince as string))];
		expect(sinces.length).toBeGreaterThanOrEqual(2);
		expect(Date.parse(`${sinces[sinces.length - 1]}Z`.replace(/ZZ$/, 'Z'))).toBeGreaterThan(Date.parse(`${sinces[0]}Z`.replace(/ZZ$/, 'Z')));
		await n8n.stopServer();
	}, T.server);
});
