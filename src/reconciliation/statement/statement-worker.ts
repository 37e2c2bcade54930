/**
 * Statements are parsed on a worker thread: decoding and parsing a 10 MB file is a second or more of work that, on
 * the main thread, held the health check and every staff request for as long (16 s were seen). One resident worker
 * takes the files one at a time, in arrival order, leaving the other core to the service; it is started on the
 * first file, stopped after a minute without one, and replaced when a file kills it or runs too long.
 */
import type { Worker } from 'node:worker_threads';
import { ValidationError } from '../../shared/errors.js';
import { moduleWorker } from '../../shared/module-worker.js';
import type { ParseOptions } from './statement-parser.js';
import type { StatementRow } from './statement-types.js';
import type { StatementCredits, WorkerJob, WorkerMessage } from './statement-worker-protocol.js';

/**
 * A 10 MB statement parses in about two seconds of processor time; a machine busy with other work stretches that
 * many times over (30 s was seen on a loaded test machine). A file still running after this is not a statement.
 */
const PARSE_TIMEOUT_MS = 120_000;
const IDLE_MS = 60_000;
/** Enough for a 10 MB file's rows several times over; a file that needs more (an XLSX bomb) ends only its worker. */
const RESOURCE_LIMITS = { maxOldGenerationSizeMb: 1024, maxYoungGenerationSizeMb: 64 };

interface Job {
  work: WorkerJob;
  credits: StatementRow[];
  /** The worker running it: events of a worker stopped before (a timeout) must not touch the next job. */
  worker?: Worker;
  resolve: (s: StatementCredits) => void;
  reject: (e: Error) => void;
}

const queue: Job[] = [];
let worker: Worker | null = null;
let current: Job | null = null;
let timeout: NodeJS.Timeout | undefined;
let idle: NodeJS.Timeout | undefined;

function refusal(message: string, code: string, detail: string): ValidationError {
  return new ValidationError({ message, code, field: 'file', detail });
}

function finish(job: Job, outcome: { statement: StatementCredits } | { error: Error }): void {
  if (current !== job) return;
  current = null;
  clearTimeout(timeout);
  if ('statement' in outcome) job.resolve(outcome.statement);
  else job.reject(outcome.error);
  next();
}

function stop(w: Worker): void {
  if (worker === w) worker = null;
  void w.terminate();
}

function onMessage(w: Worker, m: WorkerMessage): void {
  const job = current;
  if (!job || job.worker !== w) return;
  if (m.kind === 'credits') {
    for (const row of m.credits) job.credits.push(row);
    // The next batch once this turn of the event loop is over: other work runs between batches.
    setImmediate(() => {
      if (current === job) w.postMessage('more');
    });
  } else if (m.kind === 'done') {
    finish(job, { statement: { ...m.statement, credits: job.credits } });
  } else {
    const r = m.refusal;
    finish(job, { error: r ? new ValidationError({ ...r }) : new Error(`statement parser failed: ${m.detail}`) });
  }
}

function onExit(w: Worker, err: (Error & { code?: string }) | null): void {
  const job = current;
  if (worker === w) worker = null;
  if (!job || job.worker !== w) return;
  finish(job, {
    error:
      err?.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? refusal(
            '这个文件太大或太复杂，无法读取。请确认它是网银导出的对账单',
            'statement_too_complex',
            'the parse worker ran out of memory',
          )
        : new Error(`statement parse worker stopped${err ? `: ${err.message}` : ''}`),
  });
}

function start(): Worker {
  const w = moduleWorker(import.meta.url, 'parse-worker', { resourceLimits: RESOURCE_LIMITS });
  w.on('message', (m: WorkerMessage) => onMessage(w, m));
  w.on('error', (err) => onExit(w, err));
  w.on('exit', () => onExit(w, null));
  return w;
}

function next(): void {
  const job = queue.shift();
  if (!job) {
    // Nothing to do: the worker no longer keeps the process alive, and goes after a while.
    worker?.unref();
    clearTimeout(idle);
    const w = worker;
    if (w)
      idle = setTimeout(() => {
        if (!current && worker === w) stop(w);
      }, IDLE_MS).unref();
    return;
  }
  clearTimeout(idle);
  current = job;
  try {
    worker ??= start();
  } catch (err) {
    current = null;
    job.reject(err as Error);
    next();
    return;
  }
  const w = worker;
  job.worker = w;
  w.ref();
  timeout = setTimeout(() => {
    stop(w);
    finish(job, {
      error: refusal(
        '这个文件读取时间过长，已停止。请确认它是网银导出的对账单',
        'statement_too_slow',
        `parsing took over ${PARSE_TIMEOUT_MS} ms`,
      ),
    });
  }, PARSE_TIMEOUT_MS);
  w.postMessage(job.work);
}

/** parseStatement on the worker thread: the credits and how the file was read, or the same refusal. */
export function parseStatementInWorker(
  file: { name: string; bytes: Buffer },
  opts: ParseOptions = {},
): Promise<StatementCredits> {
  return new Promise((resolve, reject) => {
    queue.push({ work: { name: file.name, bytes: file.bytes, options: opts }, credits: [], resolve, reject });
    if (!current) next();
  });
}
