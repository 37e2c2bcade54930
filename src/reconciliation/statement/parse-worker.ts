/**
 * The worker thread that decodes and parses statements (statement-worker.ts starts it), so the main thread that
 * answers the health check and every staff request never runs the parser. One job at a time: the file in, the
 * credits out in batches, each sent once the main thread asks for the next ('more'): Node reads every message
 * waiting on a port in one turn of the event loop, so 85,000 rows sent at once held the main thread for a second.
 */
import { parentPort } from 'node:worker_threads';
import { AppError } from '../../shared/errors.js';
import { parseStatement, type ParseOptions } from './statement-parser.js';
import type { WorkerJob, WorkerMessage } from './statement-worker-protocol.js';

const port = parentPort!;
const send = (m: WorkerMessage) => port.postMessage(m);

/** Credits per message: the main thread reads one in a few milliseconds. */
const BATCH = 1000;

let asked: (() => void) | null = null;
const more = () =>
  new Promise<void>((resolve) => {
    asked = resolve;
  });

async function run(job: WorkerJob): Promise<void> {
  try {
    const bytes = Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength);
    const parsed = await parseStatement({ name: job.name, bytes }, job.options as ParseOptions);
    for (let i = 0; i < parsed.credits.length; i += BATCH) {
      const read = more();
      send({ kind: 'credits', credits: parsed.credits.slice(i, i + BATCH) });
      await read;
    }
    const { layout, format, encoding, headerLine, heldBack } = parsed;
    send({ kind: 'done', statement: { layout, format, encoding, headerLine, heldBack, rowCount: parsed.rows.length } });
  } catch (err) {
    const refusal =
      err instanceof AppError
        ? {
            code: err.code,
            message: err.message,
            ...(err.field ? { field: err.field } : {}),
            ...(err.params ? { params: err.params } : {}),
            ...(err.detail ? { detail: err.detail } : {}),
          }
        : null;
    send({ kind: 'failed', refusal, detail: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  }
}

port.on('message', (m: WorkerJob | 'more') => {
  if (m === 'more') asked?.();
  else void run(m);
});
