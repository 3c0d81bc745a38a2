'use strict';
// The n8n editor in a real, headless Chromium (Debian's `chromium` package driven by playwright-core;
// Playwright never downloads a browser here). Used by test/e2e/browser.test.ts and
// scripts/screenshots.js: sign in, import a template the way a user does (workflow menu → Import →
// From file), read what the canvas shows (issue badges, unknown-node placeholders, sticky notes whose
// text does not fit), open a node, run it (Execute step) and read its output table.
const fs = require('fs');
const { spawnSync } = require('child_process');

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
const VIEWPORT = { width: 1280, height: 800 };

function findChromium() {
	const own = process.env.CHROMIUM_PATH;
	return [own, ...CANDIDATES].find((p) => p && fs.existsSync(p)) || null;
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/**
 * The path of a Chromium to drive. Missing: installed with apt (`apt-get install -y chromium`, after
 * `apt-get update` if the first attempt fails) when `install` (default: running as root); otherwise
 * an error naming the fix. Never a download by Playwright.
 */
function ensureChromium({ install = isRoot(), log = () => {} } = {}) {
	const found = findChromium();
	if (found) return found;
	if (!install) {
		throw new Error(
			'Chromium is not installed. Install Debian\'s package (as root: apt-get update && apt-get install -y chromium) ' +
				'or set CHROMIUM_PATH to a Chromium binary.',
		);
	}
	const apt = (args) => spawnSync('apt-get', args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, encoding: 'utf8' });
	log('Installing Chromium (apt-get install -y chromium)...');
	let r = apt(['install', '-y', 'chromium']);
	if (r.status !== 0) {
		apt(['update']);
		r = apt(['install', '-y', 'chromium']);
	}
	const now = findChromium();
	if (!now) throw new Error(`apt-get install -y chromium failed (exit ${r.status}):\n${String(r.stderr || '').slice(-2000)}`);
	return now;
}

async function launchBrowser({ executablePath = ensureChromium() } = {}) {
	// Required here, so that a missing devDependency names itself only when a browser is wanted.
	const { chromium } = require('playwright-core');
	return chromium.launch({
		executablePath,
		headless: true,
		// Root in a container: Chromium's own sandbox cannot start; /dev/shm is often tiny.
		args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--hide-scrollbars', '--font-render-hinting=none'],
	});
}

/** A page of its own context (cookies), 1280×800 at scale 1, English, UTC. */
async function newPage(browser, { viewport = VIEWPORT } = {}) {
	const context = await browser.newContext({ viewport, deviceScaleFactor: 1, locale: 'en-US', timezoneId: 'UTC' });
	context.setDefaultTimeout(30000);
	return context.newPage();
}

async function signIn(page, baseUrl, { email, password }) {
	await page.goto(`${baseUrl}/signin`);
	await page.fill('input[name=emailOrLdapLoginId]', email);
	await page.fill('input[name=password]', password);
	await page.click('button:has-text("Sign in")');
	await page.waitForURL((u) => !/\/signin/.test(u.pathname), { timeout: 30000 });
}

/** Closes the notifications n8n shows in the corner (they would cover the canvas). */
async function dismissToasts(page) {
	for (const b of await page.$$('.el-notification .el-notification__closeBtn')) await b.click().catch(() => {});
	await page.waitForTimeout(200);
}

/**
 * A new, empty workflow: the sidebar's "+" → New workflow when the editor is already open (no page
 * reload), else /workflow/new.
 */
async function newWorkflow(page, baseUrl) {
	const add = await page.$('[data-test-id=universal-add]');
	if (add) {
		await add.click();
		await page.click('[data-test-id=navigation-menu-item]:has-text("New workflow")');
		// Unsaved changes on the page we leave: save them, as a user answering the prompt would.
		const prompt = page.locator('.el-message-box:has-text("Save changes before leaving") button:has-text("Save")');
		if (await prompt.isVisible({ timeout: 1000 }).catch(() => false)) await prompt.click();
	} else {
		await page.goto(`${baseUrl}/workflow/new`);
	}
	await page.waitForSelector('[data-test-id=canvas-add-button]');
	await page.waitForSelector('[data-test-id=workflow-menu]');
}

const isSave = (r) => ['POST', 'PATCH', 'PUT'].includes(r.method()) && /\/rest\/workflows(\/[^/?]+)?$/.test(new URL(r.url()).pathname);

/**
 * Watches the editor's saves (POST/PATCH /rest/workflows…, its autosave included) from now on.
 * `settled()` presses Ctrl+S (as a user does) and resolves once at least one save succeeded and none
 * has been in flight for a second.
 */
function watchSaves(page) {
	let pending = 0;
	let ok = 0;
	let failure = null;
	const started = (r) => isSave(r) && pending++;
	const finished = async (r) => {
		if (!isSave(r)) return;
		pending--;
		const res = await r.response().catch(() => null);
		if (res && res.ok()) ok++;
		else failure = `${r.method()} ${new URL(r.url()).pathname}: ${res ? res.status() : 'no response'}`;
	};
	const failed = (r) => {
		if (!isSave(r)) return;
		pending--;
		failure = `${r.method()} ${new URL(r.url()).pathname}: ${r.failure()?.errorText}`;
	};
	page.on('request', started);
	page.on('requestfinished', finished);
	page.on('requestfailed', failed);
	const stop = () => {
		page.off('request', started);
		page.off('requestfinished', finished);
		page.off('requestfailed', failed);
	};
	return {
		async settled({ timeoutMs = 30000 } = {}) {
			try {
				await page.keyboard.press('Control+s');
				const t0 = Date.now();
				for (let quiet = 0; quiet < 4 || !ok; ) {
					if (failure) throw new Error(`saving the workflow failed: ${failure}`);
					if (Date.now() - t0 > timeoutMs) throw new Error(`the workflow was not saved within ${timeoutMs} ms`);
					await page.waitForTimeout(250);
					quiet = pending > 0 ? 0 : quiet + 1;
				}
			} finally {
				stop();
			}
		},
	};
}

/**
 * A new workflow, then the workflow menu → Import → From file with `file`, as a user does. Waits until
 * the canvas shows `nodeCount` nodes (sticky notes included), then saves it. Returns its URL.
 */
async function importFromFile(page, baseUrl, file, { nodeCount } = {}) {
	await newWorkflow(page, baseUrl);
	await page.click('[data-test-id=workflow-menu]');
	await page.hover('[data-test-id=workflow-menu-item-import]');
	const [chooser] = await Promise.all([
		page.waitForEvent('filechooser'),
		page.click('[data-test-id=workflow-menu-item-import-from-file]'),
	]);
	const saves = watchSaves(page);
	await chooser.setFiles(file);
	if (nodeCount) {
		await page.waitForFunction((n) => document.querySelectorAll('.vue-flow__node').length === n, nodeCount, { timeout: 30000 });
	} else {
		await page.waitForSelector('.vue-flow__node');
	}
	await page.waitForTimeout(500); // issue badges are computed right after the nodes render
	await saves.settled();
	return page.url().replace(/\?.*$/, '');
}

async function openWorkflow(page, baseUrl, id) {
	await page.goto(`${baseUrl}/workflow/${id}`);
	await page.waitForSelector('.vue-flow__node');
	await page.waitForTimeout(500);
}

/**
 * What the canvas shows for every node: its name and type, an issue badge (parameter or credential
 * issues, with the tooltip's text) and n8n's placeholder for a type it does not know.
 */
async function canvasNodes(page, { issueText = true } = {}) {
	const nodes = await page.$$eval('[data-test-id=canvas-node]', (els) =>
		els.map((e) => ({
			name: e.getAttribute('data-node-name'),
			type: e.getAttribute('data-node-type'),
			issues: !!e.querySelector('[data-test-id=node-issues]'),
			unknown: !!e.querySelector('[data-test-id=node-not-installed]'),
		})),
	);
	if (issueText) {
		for (const n of nodes.filter((x) => x.issues)) n.issueText = await badgeText(page, n.name);
	}
	return nodes;
}

/** The issue badge's tooltip (the list of issues n8n shows on hover). */
async function badgeText(page, name) {
	const badge = page.locator(`[data-test-id=canvas-node][data-node-name="${name}"] [data-test-id=node-issues]`);
	try {
		await badge.hover();
		const tip = page.locator('.el-popper[aria-hidden=false], [role=tooltip]:visible').last();
		await tip.waitFor({ state: 'visible', timeout: 3000 });
		const text = (await tip.innerText()).trim();
		await page.mouse.move(5, 5);
		return text;
	} catch {
		return '(tooltip not readable)';
	}
}

/**
 * Sticky notes whose rendered text does not fit inside the note (n8n cuts it off): how many pixels
 * of text lie below or right of the note, and the height the text takes from the note's top. Layout
 * only, so the canvas zoom does not matter.
 */
async function stickyOverflow(page) {
	return page.$$eval('[data-test-id=sticky]', (stickies) =>
		stickies.map((s) => {
			const name = s.closest('[data-node-name]')?.getAttribute('data-node-name') || '?';
			const box = s.getBoundingClientRect();
			const scale = box.width / (s.offsetWidth || box.width || 1); // canvas zoom
			const md = s.querySelector('[class*=_sticky_]') || s;
			let bottom = box.top;
			let right = box.left;
			for (const el of md.querySelectorAll('*')) {
				if (!el.childNodes.length || [...el.childNodes].some((c) => c.nodeType === 3 && c.textContent.trim())) {
					const r = el.getBoundingClientRect();
					if (r.width || r.height) {
						bottom = Math.max(bottom, r.bottom);
						right = Math.max(right, r.right);
					}
				}
			}
			return {
				name,
				width: s.offsetWidth,
				height: s.offsetHeight,
				textHeight: Math.round((bottom - box.top) / scale),
				overflowY: Math.max(0, Math.round((bottom - box.bottom) / scale)),
				overflowX: Math.max(0, Math.round((right - box.right) / scale)),
			};
		}),
	);
}

/** The canvas at "fit to screen" (the zoom-to-fit control, as a user presses it). */
async function fitToScreen(page) {
	await page.keyboard.press('Escape').catch(() => {});
	await page.click('[data-test-id=zoom-to-fit]');
	await page.waitForTimeout(700); // the zoom animates
	// Away from the nodes (no hover toolbar or trigger button showing), via the empty canvas top.
	await page.mouse.move(VIEWPORT.width / 2, 90);
	await page.mouse.move(VIEWPORT.width / 2, 20);
	await page.waitForTimeout(600); // a trigger's hover button fades out
}

/**
 * Waits until the editor's own calls (/rest/…) have been quiet for `quietMs`, counting from when
 * `start` (the returned function's creation) was called: drop-downs loading their options, the
 * credential test.
 */
function restQuiet(page) {
	let pending = 0;
	const isRest = (r) => /\/rest\//.test(r.url());
	const up = (r) => isRest(r) && pending++;
	const down = (r) => isRest(r) && pending--;
	page.on('request', up);
	page.on('requestfinished', down);
	page.on('requestfailed', down);
	return async ({ quietMs = 700, timeoutMs = 15000 } = {}) => {
		const t0 = Date.now();
		try {
			for (let quiet = 0; quiet < quietMs && Date.now() - t0 < timeoutMs; ) {
				await page.waitForTimeout(100);
				quiet = pending > 0 ? 0 : quiet + 100;
			}
		} finally {
			page.off('request', up);
			page.off('requestfinished', down);
			page.off('requestfailed', down);
		}
	};
}

/** Opens a node's panel (double-click on the canvas node) and waits for its drop-downs to load. */
async function openNode(page, name) {
	const settled = restQuiet(page);
	await page.dblclick(`[data-test-id=canvas-node][data-node-name="${name}"]`);
	await page.waitForSelector('[data-test-id=ndv] [data-test-id=node-parameters]');
	await settled();
	await page.waitForTimeout(300);
}

async function closeNode(page) {
	await page.click('[data-test-id=ndv-close-button]').catch(() => {});
	await page.waitForSelector('[data-test-id=ndv]', { state: 'hidden' }).catch(() => {});
}

/**
 * Execute step in the open node panel; waits for the run to end (success or error) and returns
 * { ok, ms, error } (error: the message the panel shows).
 */
async function executeStep(page, { timeoutMs = 120000 } = {}) {
	const t0 = Date.now();
	await page.click('[data-test-id=ndv] [data-test-id=node-execute-button]');
	const out = '[data-test-id=output-panel]';
	await page.waitForSelector(`${out} [data-test-id=node-run-status-success], ${out} [data-test-id=ndv-items-count], ${out} [data-test-id=node-error-message], ${out} [data-test-id=node-run-status-danger]`, {
		timeout: timeoutMs,
	});
	const error = await page
		.$eval(`${out} [data-test-id=node-error-message]`, (e) => e.innerText.trim())
		.catch(() => null);
	return { ok: !error, ms: Date.now() - t0, error };
}

/**
 * The output panel in Table mode: the item count it states, the column headers and the visible
 * page of rows ({ header: cell text }).
 */
async function outputTable(page) {
	const out = '[data-test-id=output-panel]';
	const table = await page.$(`${out} [data-test-id=radio-button-table]`);
	if (table) await table.click();
	await page.waitForSelector(`${out} [data-test-id=ndv-data-container] table`);
	const countText = await page.$eval(`${out} [data-test-id=ndv-items-count]`, (e) => e.innerText.trim()).catch(() => '');
	const m = /([\d,]+)\s+items?/.exec(countText);
	const { headers, rows } = await page.$eval(`${out} [data-test-id=ndv-data-container] table`, (t) => {
		const heads = [...t.querySelectorAll(':scope > thead > tr > th')].map((th) => th.innerText.trim());
		const body = [...t.querySelectorAll(':scope > tbody > tr')].map((tr) => [...tr.children].map((td) => td.innerText.trim()));
		return { headers: heads, rows: body.map((cells) => Object.fromEntries(heads.map((h, i) => [h, cells[i]]).filter(([h]) => h))) };
	});
	return { count: m ? Number(m[1].replace(/,/g, '')) : null, countText, headers, rows };
}

module.exports = {
	VIEWPORT,
	findChromium,
	ensureChromium,
	launchBrowser,
	newPage,
	signIn,
	dismissToasts,
	newWorkflow,
	importFromFile,
	openWorkflow,
	canvasNodes,
	stickyOverflow,
	fitToScreen,
	openNode,
	restQuiet,
	closeNode,
	executeStep,
	outputTable,
};
