/**
 * The editor as a new user meets it, in a real headless Chromium (Debian's `chromium`, driven by
 * playwright-core; no browser is ever downloaded): n8n in server mode with this package installed
 * and credentials pointed at the sandbox (setup through the CLI), sign-in through the login page,
 * then templates imported from their files through the workflow menu (Import → From file): one
 * representative per target system in CI (harness/representatives.ts), every one with
 * E2E_ALL_TEMPLATES=1.
 *
 * - no node shows an issue badge (parameter or credential issues) or n8n's placeholder for a node
 *   type it does not know, and every node of the file is on the canvas;
 * - every sticky note's text fits inside the note (n8n cuts off what does not);
 * - the Cin7 Core **Available to sell** node of cin7-core-available-to-sell.json, run from its panel
 *   (Execute step), shows one item per covered product with `sku` and `availableToSell`, the visible
 *   rows equal to an independent computation from the sandbox state.
 *
 * Under CI=true, or as root (Chromium is then installed with apt), a missing browser is a failure,
 * never a skip. A failing test leaves a screenshot in .e2e/.
 */
import * as fs from 'fs';
import * as path from 'path';
import { createN8n, loadTemplates, ROOT, startSandbox, T, type Json, type N8n, type Sandbox, type Template } from './harness/n8n';
import { representatives } from './harness/representatives';
import { expectedCoreAts } from './checks/cin7-core-available-to-sell';

/* eslint-disable @typescript-eslint/no-require-imports */
const browserLib = require('../../scripts/lib/browser');
/* eslint-enable @typescript-eslint/no-require-imports */

// Playwright's types, loosely: the test only calls what scripts/lib/browser.js wraps.
type Page = Json;
type Browser = Json;

const OWNER = { email: 'owner@e2e.test', password: 'E2e-Passw0rd!' };
const ATS_FILE = 'cin7-core-available-to-sell.json';
const ATS_NODE = 'Available to sell';

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const mustRun = process.env.CI === 'true' || isRoot || !!browserLib.findChromium();
const maybe = mustRun ? describe : describe.skip;
if (!mustRun) process.stderr.write('[e2e] browser test skipped: no Chromium (apt-get install -y chromium, or CHROMIUM_PATH)\n');

maybe('the n8n editor in a real browser', () => {
	let sandbox: Sandbox;
	let n8n: N8n;
	let browser: Browser;
	let page: Page;
	const templates: Template[] = loadTemplates();
	const toImport: Template[] = representatives(templates);
	const imported = new Map<string, string>(); // file → editor URL of the imported workflow

	/** Runs `body`; on failure saves what the browser showed to .e2e/ and rethrows. */
	async function withScreenshot(label: string, body: () => Promise<void>): Promise<void> {
		try {
			await body();
		} catch (e) {
			if (page) {
				const dir = path.join(ROOT, '.e2e');
				fs.mkdirSync(dir, { recursive: true });
				const file = path.join(dir, `browser-${label}-${Date.now()}.png`);
				await page.screenshot({ path: file, fullPage: false }).catch(() => {});
				process.stderr.write(`[e2e] screenshot of the failure: ${path.relative(ROOT, file)} (page ${page.url()})\n`);
			}
			throw e;
		}
	}

	beforeAll(async () => {
		// Before anything slow: a missing browser fails here (installed with apt when root).
		const executablePath = browserLib.ensureChromium({ install: isRoot, log: (m: string) => process.stderr.write(`[e2e] ${m}\n`) });
		sandbox = await startSandbox();
		n8n = await createN8n('browser', sandbox, { owner: OWNER });
		await n8n.startServer();
		browser = await browserLib.launchBrowser({ executablePath });
		page = await browserLib.newPage(browser);
		await withScreenshot('sign-in', () => browserLib.signIn(page, n8n.inst.baseUrl, OWNER));
	}, T.setup);

	afterAll(async () => {
		await browser?.close().catch(() => {});
		await n8n?.cleanup();
		await sandbox?.close();
	}, T.run);

	test('templates import from their files with no node issue, no unknown node and every sticky note readable', async () => {
		expect(toImport.map((t) => t.file)).toContain(ATS_FILE);
		const problems: string[] = [];
		for (const t of toImport) {
			await withScreenshot(`import-${t.file.replace(/\.json$/, '')}`, async () => {
				const file = path.join(ROOT, 'workflows', t.file);
				imported.set(t.file, await browserLib.importFromFile(page, n8n.inst.baseUrl, file, { nodeCount: t.workflow.nodes.length }));
				await browserLib.dismissToasts(page);
				const shown: Json[] = await browserLib.canvasNodes(page);
				const expected = (t.workflow.nodes as Json[]).filter((n) => !/stickyNote$/.test(n.type)).map((n) => n.name).sort();
				expect({ file: t.file, nodes: shown.map((n) => n.name).sort() }).toEqual({ file: t.file, nodes: expected });
				for (const n of shown) {
					if (n.unknown) problems.push(`${t.file}: "${n.name}" (${n.type}) is shown as a node type n8n does not know`);
					if (n.issues) problems.push(`${t.file}: "${n.name}" shows an issue badge: ${n.issueText}`);
				}
				for (const s of (await browserLib.stickyOverflow(page)) as Json[]) {
					if (s.overflowY > 0 || s.overflowX > 0) {
						problems.push(
							`${t.file}: sticky note "${s.name}" (${s.width}×${s.height}) cuts off its text ` +
								`(${s.overflowY} px below, ${s.overflowX} px right; the text needs a height of ${s.textHeight})`,
						);
					}
				}
			});
		}
		expect(problems).toEqual([]);
	}, T.server);

	test('Available to sell, run from its panel (Execute step), shows sku and availableToSell for every covered product', async () => {
		await withScreenshot('execute-step', async () => {
			const t = templates.find((x) => x.file === ATS_FILE);
			if (!t) throw new Error(`workflows/${ATS_FILE} does not exist`);
			const url = imported.get(ATS_FILE);
			if (url) {
				await page.goto(url);
				await page.waitForSelector('.vue-flow__node');
			} else {
				await browserLib.importFromFile(page, n8n.inst.baseUrl, path.join(ROOT, 'workflows', ATS_FILE), { nodeCount: t.workflow.nodes.length });
			}
			await browserLib.dismissToasts(page);
			await browserLib.openNode(page, ATS_NODE);
			const run = await browserLib.executeStep(page);
			expect(run.error).toBeNull();
			const table = await browserLib.outputTable(page);
			expect(table.headers).toEqual(expect.arrayContaining(['sku', 'availableToSell']));

			const expected = expectedCoreAts(await sandbox.getState('cin7core'), t.workflow);
			expect(table.count).toBe(expected.size);
			expect(table.rows.length).toBeGreaterThan(0);
			for (const row of table.rows as Json[]) {
				const e = expected.get(row.sku);
				expect({ sku: row.sku, known: !!e }).toEqual({ sku: row.sku, known: true });
				expect({ sku: row.sku, availableToSell: Number(row.availableToSell) }).toEqual({ sku: row.sku, availableToSell: e!.availableToSell });
			}
			process.stderr.write(`[e2e] Execute step on "${ATS_NODE}": ${table.countText} in ${(run.ms / 1000).toFixed(1)} s\n`);
		});
	}, T.server);
});
