'use strict';
// The Emarsys product catalog as Emarsys itself handles it (targets-api.md §2.5 and §9): there is no
// push API — Emarsys pulls a CSV from a URL (basic auth in the URL allowed) and each import replaces
// the whole catalog. fetchCatalog is the UI's "Update from URL now": it downloads the file and
// validates it the way Emarsys does (UTF-8, header row, `item` / `title` / `link` required, `item`
// unique, no newlines in values, `""` quoting, no WEBP images, typed columns); an invalid file is
// rejected and the previous catalog stays. parseCsv is shared with the sales-data endpoint.

const http = require('node:http');
const https = require('node:https');

const REQUIRED = ['item', 'title', 'link'];
const KNOWN = new Set([...REQUIRED, 'available', 'image', 'zoom_image', 'category', 'price', 'msrp', 'brand', 'description', 'group_id']);
const NUMBER = /^-?\d+(\.\d+)?$/;
const MAX_ERRORS = 50;

/**
 * Strict RFC 4180 parsing: a field is quoted ("" escapes a quote) or holds no quote at all.
 * Returns { rows: string[][], newlineCells: [{row, col}] } or { error }. Line ends \n or \r\n.
 */
function parseCsv(text) {
	const rows = [];
	const newlineCells = [];
	let row = [];
	let i = 0;
	const n = text.length;
	if (n === 0) return { rows, newlineCells };
	while (i <= n) {
		let cell = '';
		if (text[i] === '"') {
			i++;
			let closed = false;
			while (i < n) {
				if (text[i] === '"') {
					if (text[i + 1] === '"') { cell += '"'; i += 2; continue; }
					i++; closed = true; break;
				}
				cell += text[i++];
			}
			if (!closed) return { error: `unclosed quote in line ${rows.length + 1}` };
			if (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') return { error: `characters after a closing quote in line ${rows.length + 1}` };
			if (/[\r\n]/.test(cell)) newlineCells.push({ row: rows.length, col: row.length });
		} else {
			while (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') {
				if (text[i] === '"') return { error: `a quote inside an unquoted value in line ${rows.length + 1} (quote the value and double the quote)` };
				cell += text[i++];
			}
		}
		row.push(cell);
		if (i >= n) { rows.push(row); break; }
		if (text[i] === ',') { i++; continue; }
		if (text[i] === '\r') i++;
		if (text[i] === '\n') i++;
		rows.push(row);
		row = [];
		if (i >= n) break;
	}
	return { rows, newlineCells };
}

/** Validate a product file; returns { items, errors, warnings }. */
function validateCatalog(buf) {
	const errors = [];
	const warnings = [];
	const err = (m) => { if (errors.length < MAX_ERRORS) errors.push(m); };
	let text;
	try { text = new TextDecoder('utf-8', { fatal: true }).decode(buf); } catch { return { items: [], errors: ['the file is not valid UTF-8'], warnings }; }
	if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
	const parsed = parseCsv(text);
	if (parsed.error) return { items: [], errors: [`invalid CSV: ${parsed.error}`], warnings };
	const rows = parsed.rows.filter((r) => !(r.length === 1 && r[0] === ''));
	const [head, ...data] = rows;
	if (!head) return { items: [], errors: ['the file is empty'], warnings };
	for (const c of REQUIRED) if (!head.includes(c)) err(`missing required column "${c}" (column names are lower case)`);
	if (new Set(head).size !== head.length) err('duplicate column names in the header');
	for (const c of head) if (!KNOWN.has(c) && !/^c_[a-z0-9_]+$/.test(c)) err(`unknown column "${c}" (custom columns start with c_)`);
	for (const { row, col } of parsed.newlineCells) err(`line ${row + 1}, column "${head[col] || col + 1}": values must not contain newlines`);
	if (errors.length) return { items: [], errors, warnings };
	const seen = new Set();
	const items = [];
	data.forEach((r, k) => {
		const line = k + 2;
		if (r.length !== head.length) { err(`line ${line}: ${r.length} values for ${head.length} columns`); return; }
		const o = Object.fromEntries(head.map((c, j) => [c, r[j]]));
		if (!o.item) err(`line ${line}: item is empty`);
		else if (seen.has(o.item)) err(`line ${line}: item "${o.item}" is not unique`);
		seen.add(o.item);
		if (!o.title) err(`line ${line}: title is empty`);
		if (!/^https?:\/\/\S+$/i.test(o.link || '')) err(`line ${line}: link "${o.link}" is not an http(s) URL`);
		for (const c of ['image', 'zoom_image']) {
			if (!o[c]) continue;
			if (!/^https?:\/\/\S+$/i.test(o[c])) err(`line ${line}: ${c} "${o[c]}" is not an http(s) URL`);
			else if (/\.webp(\?|#|$)/i.test(o[c]) || /[?&](format|fm)=webp\b/i.test(o[c])) err(`line ${line}: ${c} is a WEBP image, which Emarsys does not support`);
		}
		if (o.available != null && o.available !== '' && !['true', 'false'].includes(o.available)) err(`line ${line}: available must be true or false, not "${o.available}"`);
		for (const c of ['price', 'msrp']) if (o[c] != null && o[c] !== '' && !NUMBER.test(o[c])) err(`line ${line}: ${c} "${o[c]}" is not a number`);
		if (o.price === '' || o.price == null) warnings.push(`line ${line}: no price`);
		items.push(o);
	});
	return { items, errors, warnings: warnings.slice(0, MAX_ERRORS) };
}

/** GET a URL (user:pass@ in the URL becomes basic auth); resolves { status, headers, body: Buffer }. */
function download(url, timeoutMs = 60000) {
	return new Promise((resolve, reject) => {
		const u = new URL(url);
		const lib = u.protocol === 'https:' ? https : http;
		const headers = { 'User-Agent': 'Emarsys-Predict-Catalog-Fetcher (sandbox)', Accept: 'text/csv, */*' };
		if (u.username) headers.Authorization = 'Basic ' + Buffer.from(`${decodeURIComponent(u.username)}:${decodeURIComponent(u.password)}`).toString('base64');
		const req = lib.get({ protocol: u.protocol, hostname: u.hostname, port: u.port, path: u.pathname + u.search, headers, timeout: timeoutMs }, (res) => {
			const chunks = [];
			res.on('data', (c) => chunks.push(c));
			res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
			res.on('error', reject);
		});
		req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
		req.on('error', reject);
	});
}
const masked = (url) => { try { const u = new URL(url); if (u.password) u.password = '***'; return u.toString(); } catch { return String(url); } };

/** POST /emarsys/predict/catalog/fetch {url}: download, validate, replace the whole catalog when valid. */
async function fetchCatalog(ctx, s) {
	if (ctx.method !== 'POST') return { status: 405, body: { replyCode: 1, replyText: 'Use POST', data: '' } };
	const url = ctx.body && ctx.body.url;
	if (!url || !/^https?:\/\//i.test(url)) return { status: 400, body: { replyCode: 10001, replyText: 'url (http or https) is required', data: '' } };
	const entry = { seq: s.catalogFetches.length + 1, at: new Date().toISOString(), url: masked(url), httpStatus: null, status: 'rejected', items: 0, errors: [], warnings: [] };
	s.catalogFetches.push(entry);
	let res;
	try { res = await download(url); } catch (e) { entry.errors.push(`the file could not be downloaded: ${e.message}`); return { status: 200, body: { replyCode: 0, replyText: 'OK', data: entry } }; }
	entry.httpStatus = res.status;
	if (res.status === 401 || res.status === 403) entry.errors.push(`the URL answered HTTP ${res.status}: check the user name and password in the URL`);
	else if (res.status !== 200) entry.errors.push(`the URL answered HTTP ${res.status}`);
	else {
		const v = validateCatalog(res.body);
		entry.errors = v.errors;
		entry.warnings = v.warnings;
		if (!v.errors.length) {
			s.catalog = { items: v.items, importedAt: entry.at, source: entry.url };
			entry.status = 'imported';
			entry.items = v.items.length;
		}
	}
	return { status: 200, body: { replyCode: 0, replyText: 'OK', data: entry } };
}

module.exports = { parseCsv, validateCatalog, fetchCatalog, download };
