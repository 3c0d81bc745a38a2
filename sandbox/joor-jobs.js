'use strict';
// JOOR's asynchronous bulk jobs (bulk-style, bulk-connection; targets-api.md §5.3, §5.5): a POST
// answers at once with a job id, the records are applied when the job runs, and GET
// /v2/bulk-<kind>/{job_id} reports queued → processing → completed with one result per record.
// JOOR documents no throughput: a job waits JOB_QUEUE_MS, then takes JOB_MS_PER_RECORD per record,
// both on the sandbox's scaled clock (a documented second lasts 1 / timeScale s).

const { v2err, ok, iso } = require('./joor-util');

const JOB_QUEUE_MS = 3000;
const JOB_MS_PER_RECORD = 20;

function start(ctx, kind, records, run) {
	const s = ctx.state;
	const sb = ctx.sandbox;
	s.jobs = s.jobs || [];
	s.jobSeq = (s.jobSeq || 0) + 1;
	const scale = sb.opts.timeScale;
	const created = Date.now();
	const queueMs = Math.max(10, JOB_QUEUE_MS / scale);
	const delay = Math.max(20, (JOB_QUEUE_MS + records * JOB_MS_PER_RECORD) / scale);
	const job = { id: `${kind}-${String(s.jobSeq).padStart(6, '0')}`, kind, records, created, startsAt: created + queueMs, readyAt: created + delay, done: false, results: null, polls: 0, run };
	s.jobs.push(job);
	const t = setTimeout(() => { sb.pending.delete(t); finish(job); }, delay);
	if (t.unref) t.unref();
	sb.pending.add(t);
	return job;
}

function finish(job) {
	if (job.done) return;
	job.results = job.run();
	job.done = true;
	job.finishedAt = Date.now();
}

function view(job) {
	const now = Date.now();
	if (!job.done && now >= job.readyAt) finish(job);
	const status = job.done ? 'completed' : now >= job.startsAt ? 'processing' : 'queued';
	const out = { id: job.id, job_id: job.id, kind: job.kind, status, total: job.records, created_at: iso(job.created) };
	if (job.done) {
		out.processed = job.records;
		out.succeeded = job.results.filter((r) => r.status === 'success').length;
		out.failed = job.records - out.succeeded;
		out.completed_at = iso(job.finishedAt);
		out.results = job.results;
	}
	return out;
}

function status(ctx, kind, id) {
	const job = (ctx.state.jobs || []).find((j) => j.id === id && j.kind === kind);
	if (!job) v2err(404, `Job ${id} not found.`);
	job.polls++;
	return ok({ job_id: job.id }, { job: view(job) });
}

function snapshot(s) {
	return (s.jobs || []).map((j) => { const v = view(j); return { ...v, polls: j.polls }; });
}

module.exports = { start, status, snapshot, JOB_QUEUE_MS, JOB_MS_PER_RECORD };
