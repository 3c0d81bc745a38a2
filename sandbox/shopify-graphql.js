'use strict';
// A small GraphQL reader and executor for the Shopify emulation (sandbox/shopify.js): the sandbox has
// no dependencies, so it parses documents itself. Covers what Admin API clients send: named or
// anonymous operations, variables with defaults, aliases, arguments of every literal kind, fragments
// and inline fragments, @include/@skip. Types are plain objects of field resolvers; a field a type
// does not have is the error Shopify gives ("Field 'x' doesn't exist on type 'Customer'"), answered
// before anything runs, as Shopify validates the whole document first.

class GqlError extends Error {
	constructor(message, extensions) { super(message); this.extensions = extensions; }
}

// ---------- lexer ----------
const PUNCT = new Set(['{', '}', '(', ')', ':', '$', '!', '[', ']', '=', '@', '|', '&']);
function lex(src) {
	const toks = [];
	let i = 0;
	const n = src.length;
	while (i < n) {
		const c = src[i];
		if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === ',' || c === '\ufeff') { i++; continue; }
		if (c === '#') { while (i < n && src[i] !== '\n') i++; continue; }
		if (c === '.' && src.startsWith('...', i)) { toks.push({ k: 'p', v: '...' }); i += 3; continue; }
		if (PUNCT.has(c)) { toks.push({ k: 'p', v: c }); i++; continue; }
		if (/[A-Za-z_]/.test(c)) { let j = i + 1; while (j < n && /[A-Za-z0-9_]/.test(src[j])) j++; toks.push({ k: 'n', v: src.slice(i, j) }); i = j; continue; }
		if (/[-0-9]/.test(c)) {
			const m = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(src.slice(i));
			if (!m) throw new GqlError(`Parse error on "${c}"`, { code: 'parseError' });
			toks.push({ k: m[2] || m[3] ? 'f' : 'i', v: m[0] }); i += m[0].length; continue;
		}
		if (c === '"') {
			if (src.startsWith('"""', i)) {
				const end = src.indexOf('"""', i + 3);
				if (end < 0) throw new GqlError('Unterminated string', { code: 'parseError' });
				toks.push({ k: 's', v: src.slice(i + 3, end) }); i = end + 3; continue;
			}
			let j = i + 1; let out = '';
			while (j < n && src[j] !== '"') {
				if (src[j] === '\\') {
					const e = src[j + 1];
					if (e === 'u') { out += String.fromCharCode(parseInt(src.slice(j + 2, j + 6), 16)); j += 6; continue; }
					out += { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' }[e] || e; j += 2; continue;
				}
				out += src[j++];
			}
			if (j >= n) throw new GqlError('Unterminated string', { code: 'parseError' });
			toks.push({ k: 's', v: out }); i = j + 1; continue;
		}
		throw new GqlError(`Parse error on "${c}"`, { code: 'parseError' });
	}
	return toks;
}

// ---------- parser ----------
function parse(src) {
	const t = lex(String(src || ''));
	let p = 0;
	const peek = (v) => t[p] && (v === undefined || t[p].v === v);
	const expect = (v) => {
		if (!t[p] || t[p].v !== v) throw new GqlError(`Parse error on ${t[p] ? `"${t[p].v}"` : 'end of document'} (expected "${v}")`, { code: 'parseError' });
		return t[p++];
	};
	const name = () => {
		if (!t[p] || t[p].k !== 'n') throw new GqlError(`Parse error on ${t[p] ? `"${t[p].v}"` : 'end of document'} (expected a name)`, { code: 'parseError' });
		return t[p++].v;
	};
	function value(isConst) {
		const tok = t[p];
		if (!tok) throw new GqlError('Parse error on end of document (expected a value)', { code: 'parseError' });
		if (tok.v === '$' && tok.k === 'p') { if (isConst) throw new GqlError('Variables are not allowed here', { code: 'parseError' }); p++; return { var: name() }; }
		if (tok.v === '[') { p++; const list = []; while (!peek(']')) list.push(value(isConst)); p++; return { list }; }
		if (tok.v === '{') { p++; const obj = {}; while (!peek('}')) { const k = name(); expect(':'); obj[k] = value(isConst); } p++; return { obj }; }
		p++;
		if (tok.k === 'i') return { lit: parseInt(tok.v, 10) };
		if (tok.k === 'f') return { lit: parseFloat(tok.v) };
		if (tok.k === 's') return { lit: tok.v };
		if (tok.k === 'n') return tok.v === 'true' ? { lit: true } : tok.v === 'false' ? { lit: false } : tok.v === 'null' ? { lit: null } : { enumv: tok.v };
		throw new GqlError(`Parse error on "${tok.v}"`, { code: 'parseError' });
	}
	function args() {
		const a = {};
		if (!peek('(')) return a;
		p++;
		while (!peek(')')) { const k = name(); expect(':'); a[k] = value(false); }
		p++;
		return a;
	}
	function directives() {
		const d = [];
		while (peek('@')) { p++; d.push({ name: name(), args: args() }); }
		return d;
	}
	function typeRef() {
		let ty;
		if (peek('[')) { p++; ty = `[${typeRef()}]`; expect(']'); } else ty = name();
		if (peek('!')) { p++; ty += '!'; }
		return ty;
	}
	function selectionSet() {
		expect('{');
		const sels = [];
		while (!peek('}')) {
			if (peek('...')) {
				p++;
				if (peek('on')) { p++; const on = name(); const dirs = directives(); sels.push({ kind: 'inline', on, dirs, sel: selectionSet() }); continue; }
				if (peek('@') || peek('{')) { const dirs = directives(); sels.push({ kind: 'inline', on: null, dirs, sel: selectionSet() }); continue; }
				const fname = name();
				sels.push({ kind: 'spread', name: fname, dirs: directives() });
				continue;
			}
			let alias = name();
			let fname = alias;
			if (peek(':')) { p++; fname = name(); }
			const a = args();
			const dirs = directives();
			sels.push({ kind: 'field', alias, name: fname, args: a, dirs, sel: peek('{') ? selectionSet() : null });
		}
		p++;
		return sels;
	}
	const ops = [];
	const frags = {};
	while (p < t.length) {
		if (peek('{')) { ops.push({ type: 'query', name: null, vars: [], sel: selectionSet() }); continue; }
		const kw = name();
		if (kw === 'fragment') {
			const fname = name(); expect('on'); const on = name(); directives();
			frags[fname] = { on, sel: selectionSet() };
			continue;
		}
		if (kw !== 'query' && kw !== 'mutation' && kw !== 'subscription') throw new GqlError(`Parse error on "${kw}"`, { code: 'parseError' });
		const op = { type: kw, name: null, vars: [] };
		if (t[p] && t[p].k === 'n') op.name = name();
		if (peek('(')) {
			p++;
			while (!peek(')')) {
				expect('$');
				const vname = name(); expect(':');
				const ty = typeRef();
				const def = peek('=') ? (p++, value(true)) : undefined;
				op.vars.push({ name: vname, type: ty, def });
			}
			p++;
		}
		directives();
		op.sel = selectionSet();
		ops.push(op);
	}
	if (!ops.length) throw new GqlError('No operations in the document', { code: 'parseError' });
	return { ops, frags };
}

/** The operation to run: the one named operationName, or the only one. */
function pickOperation(doc, operationName) {
	if (operationName) {
		const op = doc.ops.find((o) => o.name === operationName);
		if (!op) throw new GqlError(`No operation named "${operationName}"`, { code: 'operationNotFound' });
		return op;
	}
	if (doc.ops.length > 1) throw new GqlError('An operation name is required when the document has several operations', { code: 'operationNameRequired' });
	return doc.ops[0];
}

/** Argument values with variables substituted (missing variables → their default or null). */
function resolveValue(v, vars) {
	if (v === undefined) return undefined;
	if ('var' in v) return vars[v.var] === undefined ? null : vars[v.var];
	if ('lit' in v) return v.lit;
	if ('enumv' in v) return v.enumv;
	if ('list' in v) return v.list.map((x) => resolveValue(x, vars));
	return Object.fromEntries(Object.entries(v.obj).map(([k, x]) => [k, resolveValue(x, vars)]));
}
function argValues(field, vars) {
	return Object.fromEntries(Object.entries(field.args).map(([k, v]) => [k, resolveValue(v, vars)]));
}
function variables(op, given) {
	const out = {};
	for (const d of op.vars) {
		const v = given && Object.prototype.hasOwnProperty.call(given, d.name) ? given[d.name] : d.def !== undefined ? resolveValue(d.def, {}) : undefined;
		if ((v === undefined || v === null) && d.type.endsWith('!')) throw new GqlError(`Variable $${d.name} of type ${d.type} was provided invalid value`, { code: 'INVALID_VARIABLE', value: null, problems: [{ path: [], explanation: 'Expected value to not be null' }] });
		out[d.name] = v === undefined ? null : v;
	}
	return out;
}

const included = (sel, vars) => sel.dirs.every((d) => {
	const cond = resolveValue(d.args.if, vars);
	if (d.name === 'include') return !!cond;
	if (d.name === 'skip') return !cond;
	return true;
});

/** Flattens fragments: the fields selected on an object of `typeName`. */
function fieldsOf(sels, typeName, frags, vars, out = []) {
	for (const s of sels) {
		if (!included(s, vars)) continue;
		if (s.kind === 'field') out.push(s);
		else if (s.kind === 'inline') { if (!s.on || s.on === typeName) fieldsOf(s.sel, typeName, frags, vars, out); }
		else {
			const f = frags[s.name];
			if (!f) throw new GqlError(`Fragment ${s.name} was used, but not defined`, { code: 'useAndDefineFragment' });
			if (f.on === typeName) fieldsOf(f.sel, typeName, frags, vars, out);
		}
	}
	return out;
}

/**
 * Runs a selection over a value. `types[T]` maps field names to resolvers (obj, args, ctx) → value;
 * a resolved object names its type with `__typename`. Scalars and lists of scalars come back as is.
 */
function execute(types, typeName, obj, sels, ex) {
	const t = types[typeName];
	const out = {};
	for (const f of fieldsOf(sels, typeName, ex.frags, ex.vars)) {
		if (f.name === '__typename') { out[f.alias] = typeName; continue; }
		const r = t[f.name];
		if (!r) throw new GqlError(`Field '${f.name}' doesn't exist on type '${typeName}'`, { code: 'undefinedField', typeName, fieldName: f.name });
		const v = r(obj, argValues(f, ex.vars), ex.ctx);
		out[f.alias] = shape(types, v, f, ex);
	}
	return out;
}
function shape(types, v, f, ex) {
	if (v === null || v === undefined) return null;
	if (Array.isArray(v)) return v.map((x) => shape(types, x, f, ex));
	if (typeof v === 'object' && v.__typename && !(v instanceof Date)) {
		if (!f.sel) throw new GqlError(`Field must have selections (field '${f.name}' returns ${v.__typename} but has no selections)`, { code: 'selectionMismatch' });
		return execute(types, v.__typename, v, f.sel, ex);
	}
	return v;
}

/**
 * Static check of a selection against the types, before any resolver runs: unknown fields fail the
 * whole document. `sample[T]` lists a type's object-valued fields and their types.
 */
function validate(types, objectFields, typeName, sels, frags, vars, path = []) {
	const t = types[typeName];
	for (const f of fieldsOf(sels, typeName, frags, vars)) {
		if (f.name === '__typename') continue;
		if (!t[f.name]) throw new GqlError(`Field '${f.name}' doesn't exist on type '${typeName}'`, { code: 'undefinedField', typeName, fieldName: f.name, path: [...path, f.alias] });
		const child = objectFields[typeName] && objectFields[typeName][f.name];
		if (child && f.sel) validate(types, objectFields, child, f.sel, frags, vars, [...path, f.alias]);
		if (child && !f.sel) throw new GqlError(`Field must have selections (field '${f.name}' returns ${child} but has no selections)`, { code: 'selectionMismatch' });
		if (!child && f.sel) throw new GqlError(`Selections can't be made on scalars (field '${f.name}')`, { code: 'selectionMismatch' });
	}
}

/**
 * Requested cost as Shopify computes it: a scalar 0, an object 1 plus its selection, a connection 2
 * plus `first` × its node's selection (at least 1), a mutation field 10 plus its selection.
 * `actual` replaces `first` with the number of nodes returned when known (see execute's caller).
 */
function cost(objectFields, connections, typeName, sels, frags, vars, isMutationRoot) {
	let total = 0;
	for (const f of fieldsOf(sels, typeName, frags, vars)) {
		const child = objectFields[typeName] && objectFields[typeName][f.name];
		if (!child || !f.sel) continue;
		const inner = cost(objectFields, connections, child, f.sel, frags, vars, false);
		const conn = connections[child];
		if (isMutationRoot) total += 10 + inner;
		else if (conn) {
			const a = argValues(f, vars);
			const n = Number(a.first || a.last || 0) || 0;
			total += 2 + n * Math.max(1, nodeCost(objectFields, connections, child, f.sel, frags, vars));
		} else total += 1 + inner;
	}
	return total;
}
/** Cost of one node of a connection: its `nodes` or `edges { node }` selection. */
function nodeCost(objectFields, connections, connType, sels, frags, vars) {
	let c = 0;
	for (const f of fieldsOf(sels, connType, frags, vars)) {
		if (f.name === 'nodes' && f.sel) c = Math.max(c, cost(objectFields, connections, connections[connType], f.sel, frags, vars, false));
		if (f.name === 'edges' && f.sel) {
			for (const e of fieldsOf(f.sel, connType.replace(/Connection$/, 'Edge'), frags, vars)) {
				if (e.name === 'node' && e.sel) c = Math.max(c, cost(objectFields, connections, connections[connType], e.sel, frags, vars, false));
			}
		}
	}
	return c;
}

module.exports = { GqlError, parse, pickOperation, variables, execute, validate, cost, argValues };
