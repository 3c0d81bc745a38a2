#!/usr/bin/env node
'use strict';
/**
 * npm run screenshots [-- --only=<text>] [-- --out=docs/screenshots]
 *
 * The README's screenshots, taken from the real n8n editor (the pinned runtime, this package staged
 * and installed as a community package) in a headless Chromium (Debian's `chromium`, driven by
 * playwright-core; installed with apt when missing and running as root) against the sandbox:
 *
 *   <template>.png                          every workflows/*.json canvas at fit-to-screen
 *   core-available-to-sell-parameters.png   the Cin7 Core Available to sell node's panel
 *   core-available-to-sell-output.png       the same after Execute step, items in the output
 *   credential-cin7-core.png                the Cin7 Core credential dialog
 *   core-trigger-poll-settings.png          the Cin7 Core Trigger's poll settings
 *
 * 1280×800 PNGs, reduced to 256 colours (UI flats stay exact), in docs/screenshots/. Credentials
 * carry the documented call rates (no time-scale factor), so the dialog shows what a user sets.
 * Also reports what the canvases show wrong: node issue badges, unknown nodes, sticky notes whose
 * text does not fit (exit code 1 if any). --only=a,b takes the shots whose file name contains a or b.
 */
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const paths = require('./lib/paths');
const { buildStage, linkPackage } = require('./lib/stage');
const { createInstance } = require('./lib/n8nEnv');
const cli = require('./lib/n8nCli');
const srvLib = require('./lib/n8nServer');
const { startSandbox } = require('./lib/sandbox');
const { sandboxCredentials } = require('./lib/credentials');
const { loadTemplates } = require('./lib/templates');
const { isPortFree } = require('./lib/ports');
const browserLib = require('./lib/browser');

const args = process.argv.slice(2);
const arg = (name) => (args.find((a) => a.startsWith(`--${name}=`)) || '').split('=').slice(1).join('=') || null;
const OUT = path.resolve(paths.ROOT, arg('out') || path.join('docs', 'screenshots'));
const ONLY = arg('only');
const OWNER = { email: 'screenshots@n8n-nodes-cin7.local', password: 'Cin7-Shots-2026!', firstName: 'Demo', lastName: 'Owner' };
const ATS_FILE = 'cin7-core-available-to-sell.json';
const ATS_NODE = 'Available to sell';
const TRIGGER_TYPE = 'n8n-nodes-cin7.cin7CoreTrigger';

const log = (m = '') => process.stdout.write(`${m}\n`);
const wanted = (name) => !ONLY || ONLY.split(',').some((o) => name.includes(o));

// ---- PNG: 256-colour quantisation (median cut, each box's most frequent colour) ------------------

function readPng(buf) {
	let pos = 8;
	let ihdr = null;
	const idat = [];
	while (pos < buf.length) {
		const len = buf.readUInt32BE(pos);
		const type = buf.toString('ascii', pos + 4, pos + 8);
		const data = buf.subarray(pos + 8, pos + 8 + len);
		if (type === 'IHDR') ihdr = { width: data.readUInt32BE(0), height: data.readUInt32BE(4), depth: data[8], colorType: data[9], interlace: data[12] };
		if (type === 'IDAT') idat.push(data);
		pos += 12 + len;
	}
	if (!ihdr || ihdr.depth !== 8 || ![2, 6].includes(ihdr.colorType) || ihdr.interlace) return null; // not what Chromium writes
	const bpp = ihdr.colorType === 6 ? 4 : 3;
	const stride = ihdr.width * bpp;
	const raw = zlib.inflateSync(Buffer.concat(idat));
	const px = Buffer.alloc(stride * ihdr.height);
	for (let y = 0; y < ihdr.height; y++) {
		const f = raw[y * (stride + 1)];
		const src = y * (stride + 1) + 1;
		const row = y * stride;
		for (let i = 0; i < stride; i++) {
			const a = i >= bpp ? px[row + i - bpp] : 0;
			const b = y ? px[row - stride + i] : 0;
			const c = i >= bpp && y ? px[row - stride + i - bpp] : 0;
			let v = raw[src + i];
			if (f === 1) v += a;
			else if (f === 2) v += b;
			else if (f === 3) v += (a + b) >> 1;
			else if (f === 4) {
				const p = a + b - c;
				const pa = Math.abs(p - a);
				const pb = Math.abs(p - b);
				const pc = Math.abs(p - c);
				v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
			}
			px[row + i] = v & 255;
		}
	}
	return { ...ihdr, bpp, px };
}

/** Median cut over the colour histogram; each box is represented by its most frequent colour. */
function palette(hist, size = 256) {
	const box = (colors) => {
		const span = {};
		for (const ch of ['r', 'g', 'b']) {
			let lo = 255;
			let hi = 0;
			for (const c of colors) {
				if (c[ch] < lo) lo = c[ch];
				if (c[ch] > hi) hi = c[ch];
			}
			span[ch] = hi - lo;
		}
		const axis = ['r', 'g', 'b'].sort((x, y) => span[y] - span[x])[0];
		const count = colors.reduce((a, c) => a + c.n, 0);
		return { colors, axis, count, score: colors.length < 2 ? 0 : span[axis] * Math.sqrt(count) };
	};
	let boxes = [box([...hist.entries()].map(([k, n]) => ({ r: k >> 16, g: (k >> 8) & 255, b: k & 255, n })))];
	while (boxes.length < size) {
		let best = 0;
		boxes.forEach((bx, i) => {
			if (bx.score > boxes[best].score) best = i;
		});
		const { colors, axis, count, score } = boxes[best];
		if (!score) break;
		colors.sort((x, y) => x[axis] - y[axis]);
		let acc = 0;
		let cut = 1;
		for (; cut < colors.length - 1; cut++) if ((acc += colors[cut - 1].n) >= count / 2) break;
		boxes = [...boxes.slice(0, best), box(colors.slice(0, cut)), box(colors.slice(cut)), ...boxes.slice(best + 1)];
	}
	return boxes.map((bx) => bx.colors.reduce((m, c) => (c.n > m.n ? c : m)));
}

function chunk(type, data) {
	const len = Buffer.alloc(4);
	len.writeUInt32BE(data.length);
	const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(zlib.crc32 ? zlib.crc32(td) >>> 0 : crc32(td));
	return Buffer.concat([len, td, crc]);
}

let CRC_TABLE = null;
function crc32(buf) {
	if (!CRC_TABLE) {
		CRC_TABLE = new Uint32Array(256);
		for (let n = 0; n < 256; n++) {
			let c = n;
			for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
			CRC_TABLE[n] = c >>> 0;
		}
	}
	let c = 0xffffffff;
	for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 255] ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}

/** A Chromium PNG rewritten as an indexed PNG of at most 256 colours; the original if that is not smaller. */
function compressPng(buf) {
	const img = readPng(buf);
	if (!img) return buf;
	const { width, height, bpp, px } = img;
	const hist = new Map();
	for (let i = 0; i < px.length; i += bpp) {
		const k = (px[i] << 16) | (px[i + 1] << 8) | px[i + 2];
		hist.set(k, (hist.get(k) || 0) + 1);
	}
	const pal = palette(hist);
	const index = new Map();
	for (const k of hist.keys()) {
		const r = k >> 16;
		const g = (k >> 8) & 255;
		const b = k & 255;
		let best = 0;
		let dist = Infinity;
		pal.forEach((p, i) => {
			const d = 2 * (p.r - r) ** 2 + 4 * (p.g - g) ** 2 + 3 * (p.b - b) ** 2;
			if (d < dist) [best, dist] = [i, d];
		});
		index.set(k, best);
	}
	const raw = Buffer.alloc((width + 1) * height);
	for (let y = 0, o = 0; y < height; y++) {
		raw[o++] = 0;
		for (let x = 0; x < width; x++) {
			const i = (y * width + x) * bpp;
			raw[o++] = index.get((px[i] << 16) | (px[i + 1] << 8) | px[i + 2]);
		}
	}
	const ihdr = Buffer.alloc(13);
	ihdr.writeUInt32BE(width, 0);
	ihdr.writeUInt32BE(height, 4);
	ihdr[8] = 8;
	ihdr[9] = 3; // indexed
	const plte = Buffer.from(pal.flatMap((p) => [p.r, p.g, p.b]));
	const out = Buffer.concat([
		buf.subarray(0, 8),
		chunk('IHDR', ihdr),
		chunk('PLTE', plte),
		chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
		chunk('IEND', Buffer.alloc(0)),
	]);
	return out.length < buf.length ? out : buf;
}

// ---- shots ----------------------------------------------------------------------------------------

const written = [];
async function shot(page, name, { clip } = {}) {
	const file = path.join(OUT, name);
	const png = compressPng(await page.screenshot({ clip }));
	fs.writeFileSync(file, png);
	written.push({ name, bytes: png.length });
	log(`  ${path.relative(paths.ROOT, file)} (${Math.round(png.length / 1024)} KB)`);
}

async function main() {
	paths.ensureRuntime({ install: true, log });
	const executablePath = browserLib.ensureChromium({ log });
	fs.mkdirSync(OUT, { recursive: true });

	const stage = buildStage({ log });
	if (stage.tscErrors) log(`! TypeScript reported errors (JavaScript was still emitted):\n${stage.tscErrors.slice(0, 2000)}`);
	// The sandbox's documented port when free, so the credential dialog shows the README's Base URL.
	const port = (await isPortFree(4010)) ? 4010 : 0;
	const sandbox = await startSandbox({ port, size: 'demo', seed: 1, timeScale: 60 });
	const dir = paths.scratchDir('.demo', 'screenshots');
	const inst = await createInstance({ dir, owner: OWNER });
	linkPackage(inst.userFolder, stage.dir);
	let server = null;
	let browser = null;
	const problems = [];
	try {
		// Documented rates (speedUp 1): what a user types. The sandbox runs 60× faster, so nothing throttles.
		await cli.importCredentials(inst, sandboxCredentials(sandbox.url, { speedUp: 1 }));
		const templates = loadTemplates();
		await cli.importWorkflows(inst, templates.map((t) => t.workflow));
		server = srvLib.startServer(inst);
		await srvLib.waitReady(server);
		browser = await browserLib.launchBrowser({ executablePath });
		const page = await browserLib.newPage(browser);
		await browserLib.signIn(page, server.url, OWNER);
		log(`Editor ${server.url}, sandbox ${sandbox.url}; writing ${path.relative(paths.ROOT, OUT)}/`);

		for (const t of templates) {
			const name = t.file.replace(/\.json$/, '.png');
			if (!wanted(name)) continue;
			await browserLib.openWorkflow(page, server.url, t.workflow.id);
			await browserLib.dismissToasts(page);
			for (const n of await browserLib.canvasNodes(page)) {
				if (n.unknown) problems.push(`${t.file}: "${n.name}" is an unknown node type (${n.type})`);
				if (n.issues) problems.push(`${t.file}: "${n.name}" shows an issue: ${n.issueText}`);
			}
			for (const s of await browserLib.stickyOverflow(page)) {
				if (s.overflowY > 0 || s.overflowX > 0) problems.push(`${t.file}: sticky note "${s.name}" (${s.width}×${s.height}) cuts off its text; it needs a height of ${s.textHeight}`);
			}
			await browserLib.fitToScreen(page);
			await shot(page, name);
		}

		const ats = templates.find((t) => t.file === ATS_FILE);
		const wantAts = ['core-available-to-sell-parameters.png', 'core-available-to-sell-output.png', 'credential-cin7-core.png'].some(wanted);
		if (ats && wantAts) {
			await browserLib.openWorkflow(page, server.url, ats.workflow.id);
			await browserLib.dismissToasts(page);
			await browserLib.openNode(page, ATS_NODE);
			if (wanted('core-available-to-sell-parameters.png')) await shot(page, 'core-available-to-sell-parameters.png');
			if (wanted('core-available-to-sell-output.png')) {
				const run = await browserLib.executeStep(page);
				if (run.error) problems.push(`${ATS_FILE}: Execute step on "${ATS_NODE}" failed: ${run.error}`);
				const table = await browserLib.outputTable(page);
				log(`  Execute step on "${ATS_NODE}": ${table.countText} in ${(run.ms / 1000).toFixed(1)} s`);
				await page.mouse.move(640, 20);
				await browserLib.dismissToasts(page);
				await shot(page, 'core-available-to-sell-output.png');
			}
			if (wanted('credential-cin7-core.png')) {
				await browserLib.dismissToasts(page);
				const tested = browserLib.restQuiet(page); // the dialog tests the credential on opening
				await page.click('[data-test-id=ndv] [data-test-id=credential-edit-button]');
				await page.waitForSelector('[data-test-id=credential-edit-dialog] [data-test-id=credential-connection-parameter]');
				await page.waitForSelector('[data-test-id=credentials-config-container-test-success]', { timeout: 15000 }).catch(() => {});
				await tested();
				await page.waitForTimeout(800); // the Retry button's spinner settles
				await page.mouse.move(640, 20);
				await shot(page, 'credential-cin7-core.png');
				await page.keyboard.press('Escape');
			}
			await browserLib.closeNode(page);
		}

		const withTrigger = templates.find((t) => t.workflow.nodes.some((n) => n.type === TRIGGER_TYPE && !n.disabled));
		if (withTrigger && wanted('core-trigger-poll-settings.png')) {
			const trigger = withTrigger.workflow.nodes.find((n) => n.type === TRIGGER_TYPE && !n.disabled);
			await browserLib.openWorkflow(page, server.url, withTrigger.workflow.id);
			await browserLib.dismissToasts(page);
			await browserLib.openNode(page, trigger.name);
			// The poll settings at the bottom of the parameters: scroll them into view.
			await page.$eval('[data-test-id=ndv] [data-test-id=parameter-input-startDate]', (e) =>
				(e.closest('[data-test-id=parameter-item]') || e).scrollIntoView({ block: 'end' }),
			);
			await page.waitForTimeout(400);
			await page.mouse.move(640, 20);
			await shot(page, 'core-trigger-poll-settings.png');
			await browserLib.closeNode(page);
		}
	} finally {
		if (browser) await browser.close().catch(() => {});
		await srvLib.stopServer(server).catch(() => {});
		await sandbox.close().catch(() => {});
		fs.rmSync(dir, { recursive: true, force: true });
	}
	const total = written.reduce((a, w) => a + w.bytes, 0);
	log(`${written.length} screenshot(s), ${Math.round(total / 1024)} KB in all.`);
	for (const p of problems) log(`! ${p}`);
	return problems.length ? 1 : 0;
}

main().then(
	(code) => process.exit(code),
	(e) => {
		log(`✘ ${e && e.stack ? e.stack : e}`);
		process.exit(1);
	},
);
