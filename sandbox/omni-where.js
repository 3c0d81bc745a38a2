'use strict';
// Cin7 Omni `where=` expression: SQL-like clauses over top-level fields joined with AND (OR also
// accepted), operators = <> != > < >= <= LIKE, NOT LIKE, IN (...), NOT IN (...), IS [NOT] NULL.
// Field names are case-insensitive; strings in single quotes; dates compare as instants.

class WhereError extends Error {}

function tokenize(s) {
	const out = [];
	let i = 0;
	while (i < s.length) {
		const c = s[i];
		if (/\s/.test(c)) { i++; continue; }
		if (c === "'") {
			let j = i + 1;
			let v = '';
			while (j < s.length) {
				if (s[j] === "'" && s[j + 1] === "'") { v += "'"; j += 2; continue; }
				if (s[j] === "'") break;
				v += s[j++];
			}
			if (j >= s.length) throw new WhereError('Unterminated string literal');
			out.push({ t: 'str', v });
			i = j + 1;
			continue;
		}
		const op = /^(<>|!=|>=|<=|=|<|>)/.exec(s.slice(i));
		if (op) { out.push({ t: 'op', v: op[1] === '!=' ? '<>' : op[1] }); i += op[1].length; continue; }
		if (c === '(' || c === ')' || c === ',') { out.push({ t: c }); i++; continue; }
		const num = /^-?\d+(\.\d+)?(?![\w:-])/.exec(s.slice(i));
		if (num) { out.push({ t: 'num', v: Number(num[0]) }); i += num[0].length; continue; }
		const w = /^[A-Za-z_][\w.]*/.exec(s.slice(i));
		if (w) { out.push({ t: 'word', v: w[0] }); i += w[0].length; continue; }
		const bare = /^[^\s()',]+/.exec(s.slice(i)); // unquoted dates etc.
		if (bare) { out.push({ t: 'str', v: bare[0] }); i += bare[0].length; continue; }
		throw new WhereError(`Unexpected character '${c}'`);
	}
	return out;
}

/** Parse into a list of OR-groups of AND-clauses. */
function parseWhere(s) {
	const tk = tokenize(s);
	let p = 0;
	const peekWord = (w) => tk[p] && tk[p].t === 'word' && tk[p].v.toUpperCase() === w;
	const value = () => {
		const t = tk[p++];
		if (!t) throw new WhereError('Missing value');
		if (t.t === 'str' || t.t === 'num') return t.v;
		if (t.t === 'word') {
			const u = t.v.toUpperCase();
			if (u === 'TRUE') return true;
			if (u === 'FALSE') return false;
			if (u === 'NULL') return null;
			return t.v;
		}
		throw new WhereError('Bad value');
	};
	const groups = [[]];
	while (p < tk.length) {
		const f = tk[p++];
		if (!f || f.t !== 'word') throw new WhereError('Expected a field name');
		const clause = { field: f.v.toLowerCase() };
		if (peekWord('IS')) {
			p++;
			let not = false;
			if (peekWord('NOT')) { p++; not = true; }
			if (!peekWord('NULL')) throw new WhereError('Expected NULL');
			p++;
			clause.op = not ? 'NOTNULL' : 'NULL';
		} else {
			let not = false;
			if (peekWord('NOT')) { p++; not = true; }
			if (peekWord('LIKE')) { p++; clause.op = not ? 'NOTLIKE' : 'LIKE'; clause.value = String(value()); }
			else if (peekWord('IN')) {
				p++;
				if (!tk[p] || tk[p].t !== '(') throw new WhereError('Expected ( after IN');
				p++;
				const vals = [];
				while (tk[p] && tk[p].t !== ')') { vals.push(value()); if (tk[p] && tk[p].t === ',') p++; }
				if (!tk[p]) throw new WhereError('Missing )');
				p++;
				clause.op = not ? 'NOTIN' : 'IN';
				clause.value = vals;
			} else {
				if (not) throw new WhereError('Expected LIKE or IN after NOT');
				const o = tk[p++];
				if (!o || o.t !== 'op') throw new WhereError(`Expected an operator after ${f.v}`);
				clause.op = o.v;
				clause.value = value();
			}
		}
		groups[groups.length - 1].push(clause);
		if (p < tk.length) {
			if (peekWord('AND')) p++;
			else if (peekWord('OR')) { p++; groups.push([]); }
			else throw new WhereError('Expected AND');
		}
	}
	return groups;
}

const ISO = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/;
function asTime(v) {
	if (typeof v !== 'string' || !ISO.test(v)) return NaN;
	let s = v.replace(' ', 'T');
	if (s.length === 10) s += 'T00:00:00';
	if (!/(Z|[+-]\d{2}:?\d{2})$/.test(s)) s += 'Z';
	return Date.parse(s);
}
function cmp(a, b) {
	if (a === null || a === undefined) return null;
	if (typeof a === 'boolean') b = b === true || b === 1 || String(b).toLowerCase() === 'true' || b === '1';
	else if (typeof a === 'number') b = Number(b);
	else {
		const ta = asTime(a);
		const tb = asTime(String(b));
		if (!Number.isNaN(ta) && !Number.isNaN(tb)) { a = ta; b = tb; } else { a = String(a).toLowerCase(); b = String(b).toLowerCase(); }
	}
	return a < b ? -1 : a > b ? 1 : 0;
}
function like(v, pat) {
	const re = new RegExp('^' + pat.split('%').map((x) => x.split('_').map((y) => y.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.')).join('.*') + '$', 'i');
	return re.test(v == null ? '' : String(v));
}

/** Build a predicate for records; `fieldMap` maps lowercase name → real key. Throws WhereError. */
function compileWhere(expr, sample) {
	const groups = parseWhere(expr);
	const keys = new Map(Object.keys(sample || {}).map((k) => [k.toLowerCase(), k]));
	for (const g of groups) for (const c of g) {
		if (!keys.has(c.field)) throw new WhereError(`Invalid field '${c.field}' in where clause`);
		c.key = keys.get(c.field);
	}
	const test = (r, c) => {
		const v = r[c.key];
		switch (c.op) {
			case 'NULL': return v === null || v === undefined || v === '';
			case 'NOTNULL': return !(v === null || v === undefined || v === '');
			case 'LIKE': return like(v, c.value);
			case 'NOTLIKE': return !like(v, c.value);
			case 'IN': return c.value.some((x) => cmp(v, x) === 0);
			case 'NOTIN': return !c.value.some((x) => cmp(v, x) === 0);
			default: {
				if (c.value === null) return c.op === '=' ? v == null : v != null;
				const r2 = cmp(v, c.value);
				if (r2 === null) return false;
				return c.op === '=' ? r2 === 0 : c.op === '<>' ? r2 !== 0 : c.op === '>' ? r2 > 0 : c.op === '<' ? r2 < 0 : c.op === '>=' ? r2 >= 0 : r2 <= 0;
			}
		}
	};
	return (r) => groups.some((g) => g.every((c) => test(r, c)));
}

module.exports = { compileWhere, WhereError, parseWhere };
