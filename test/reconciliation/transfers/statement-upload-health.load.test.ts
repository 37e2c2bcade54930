import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { MAX_STATEMENT_BYTES } from '../../../src/reconciliation/statement/index.js';
import { serviceRig } from '../../support/service-rig.js';
import { bigStatement } from './support/big-statement.js';

/**
 * The target is every answer within 200 ms at any moment of an upload, and that is what a quiet machine shows. The
 * machine the tests run on has two cores shared by several test runs, where even an idle service now and then waits
 * hundreds of milliseconds for a core; so the slowest answer is held to a generous bound, and nine in ten answers to
 * the target itself. The code before held the event loop for 10 s and more per 10 MB file: it fails both.
 */
const SLOWEST_BOUND_MS = 2000;
const TARGET_MS = 200;

/**
 * Polls /healthz back to back until `work` settles; each answer's time, from the request to its body. A request
 * that fails (a service too busy to take the connection) counts with the time it took to fail.
 */
type Polled<T> = { result: T; latencies: number[]; failed: number };

async function pollWhile<T>(url: string, work: Promise<T>): Promise<Polled<T>> {
  let settled = false;
  work.then(
    () => {
      settled = true;
    },
    () => {
      settled = true;
    },
  );
  const latencies: number[] = [];
  let failed = 0;
  while (!settled) {
    const started = performance.now();
    const ok = await fetch(`${url}/healthz`).then(
      async (res) => ((await res.json()) as { ok?: boolean }).ok === true,
      () => false,
    );
    latencies.push(performance.now() - started);
    if (!ok) failed++;
  }
  return { result: await work, latencies, failed };
}

/**
 * The multipart body is built before the clock starts and sent as it is: the test's own client shares the event
 * loop with the service, and building a 10 MB form while polling would be timed as the service's delay.
 */
function multipart(file: { name: string; bytes: Buffer }): { body: Buffer; type: string } {
  const boundary = 'xiaoer-health-test';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: text/csv\r\n\r\n`;
  return {
    body: Buffer.concat([Buffer.from(head), file.bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    type: `multipart/form-data; boundary=${boundary}`,
  };
}

type Answer = { status: number; body: Record<string, any> };

function upload(url: string, token: string, form: { body: Buffer; type: string }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}/api/transfers/statements`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': form.type, 'content-length': form.body.length },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }),
        );
      },
    );
    req.on('error', reject);
    req.end(form.body);
  });
}

describe('the service answers while a 10 MB statement is uploaded, parsed and stored', () => {
  it('when a 10 MB statement of 85,000 credits is imported and a 10 MB one-line file refused, then /healthz answers throughout', async () => {
    const rig = await serviceRig();
    try {
      const token = await rig.login('xiaozhou');
      const statement = bigStatement(MAX_STATEMENT_BYTES - 1024);
      expect(statement.bytes.length).toBeGreaterThan(MAX_STATEMENT_BYTES - 200 * 1024);
      const forms = [
        multipart(statement),
        multipart({ name: 'one-line.csv', bytes: Buffer.alloc(MAX_STATEMENT_BYTES - 1024, 'a,') }),
      ];
      // The first requests load the HTTP client and open its connection: not the service's time.
      for (let i = 0; i < 3; i++) await (await fetch(`${rig.svc.url}/healthz`)).json();

      const imported = await pollWhile(rig.svc.url, upload(rig.svc.url, token, forms[0]!));
      const refused = await pollWhile(rig.svc.url, upload(rig.svc.url, token, forms[1]!));

      const latencies = [...imported.latencies, ...refused.latencies].sort((a, b) => a - b);
      expect(latencies.at(-1)!, `slowest of ${latencies.length} answers`).toBeLessThan(SLOWEST_BOUND_MS);
      const ninetieth = latencies[Math.floor(latencies.length * 0.9)]!;
      expect(ninetieth, `nine in ten of ${latencies.length} answers`).toBeLessThan(TARGET_MS);
      expect(imported.failed + refused.failed).toBe(0);
      // Enough answers while the files were worked on for the bounds to mean something.
      expect(imported.latencies.length).toBeGreaterThan(50);

      expect(imported.result.status, JSON.stringify(imported.result.body)).toBe(201);
      expect(imported.result.body).toMatchObject({ credits: statement.credits, imported: statement.credits });
      expect(imported.result.body.counts).toEqual({ matched: 0, queued: 0, unmatched: statement.credits });
      expect(imported.result.body.unmatched).toHaveLength(50);
      expect(refused.result.status).toBe(400);
      expect(refused.result.body.error.code).toBe('statement_layout_unknown');
    } finally {
      await rig.close();
    }
  }, 240_000);
});
