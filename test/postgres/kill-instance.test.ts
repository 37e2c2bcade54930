/**
 * Issue 20, failure tests: kill -9 one of two instances on one PostgreSQL while it is writing remarks, sending a
 * message and running a job, all at once (test/postgres/two-instances-rig.ts: `node dist/main.js` twice, a standalone
 * `xiaoer sandbox`, a fake Aliyun SMS endpoint). Then, read through the survivor B and the database:
 * - every remark write that was answered 2xx is in its order's history exactly once, and reaches the platform's memo
 *   once (B's remark outbox pushes what A committed but never sent);
 * - the message A was sending is never sent again: B holds it as outcome_unknown once A counts as dead (its registry
 *   heartbeat 60 s old) and the provider cannot tell;
 * - the job A was running (the order sync) goes on from B within about a minute: B takes over the sync's lock at
 *   once (the server frees a dead connection's locks) and B's claims wait until A's run heartbeat is 60 s old.
 * The waits are bounded by those fixed intervals of the service (60 s staleness, the every-minute dispatch).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../support/instances.js';
import { startTwoInstances, type TwoInstances } from './two-instances-rig.js';
import { waitFor } from './wait.js';

/** The order sync every 5 s, so a run is soon going on A and, after the kill, B's next slot comes soon. */
const SCHEDULES = { 'order-sync': '*/5 * * * * *' };
/** Added by the sandbox to every platform call while A is killed: A's sync run and remark writes are mid-way. */
const LATENCY_MS = 3000;
const WRITERS = 6;

let rig: TwoInstances;
let idA: string;
let idB: string;
/** Database time of the kill. */
let killedAt: Date;
/** Every remark write of the burst: where it went, its answer (0: none, the instance died), its unique waybill. */
const written: { via: string; tid: string; waybill: string; status: number; id?: string }[] = [];
let messageId: string;
/** A's order-sync run going at the kill (job_runs.id). */
let runAtKill: string;

const api = (i: Instance, method: string, path: string, data?: unknown) =>
  i.request<Record<string, unknown>>(method, path, { token: rig.token, data });
const timesIn = (memo: string | undefined, text: string) => (memo ?? '').split(text).length - 1;
const setLatency = async (latencyMs: number) => {
  const res = await fetch(`${rig.sandbox.url}/sandbox/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ latencyMs }),
  });
  expect(res.status).toBe(200);
};

beforeAll(async () => {
  rig = await startTwoInstances({ orders: 400, schedules: SCHEDULES });
  idA = await rig.idOf(rig.a);
  idB = await rig.idOf(rig.b);
}, 300_000);
afterAll(async () => {
  await rig?.close();
});

/**
 * Writers taking turns between A and B over many orders (a memo holds 1000 bytes), until told to stop. 汇款抄单 with
 * a waybill of its own per write: each write is a different entry (an entry's id is its kind, fields, staff and day),
 * and its text can be counted on the platform's memo.
 */
function burst(tids: string[]): { stop(): Promise<void>; inFlight(via: string): number } {
  let stopped = false;
  let n = 0;
  const going = new Map<string, number>([
    ['A', 0],
    ['B', 0],
  ]);
  const writer = async () => {
    while (!stopped) {
      const k = n++;
      const instance = k % 2 === 0 ? rig.a : rig.b;
      const via = instance.spec.name;
      const tid = tids[k % tids.length]!;
      const waybill = `KT${String(k).padStart(6, '0')}`;
      going.set(via, going.get(via)! + 1);
      try {
        const res = await api(instance, 'POST', `/api/orders/${tid}/remarks`, {
          kind: 'copy.transfer',
          fields: { waybill },
        });
        written.push({ via, tid, waybill, status: res.status, id: res.data.id as string | undefined });
      } catch {
        // The instance is gone (connection refused or reset): no answer, nothing acknowledged.
        written.push({ via, tid, waybill, status: 0 });
      } finally {
        going.set(via, going.get(via)! - 1);
      }
    }
  };
  const writers = Array.from({ length: WRITERS }, writer);
  return {
    inFlight: (via) => going.get(via)!,
    async stop() {
      stopped = true;
      await Promise.all(writers);
    },
  };
}

describe('kill -9 of one instance of two on one PostgreSQL', () => {
  it('is done while A answers remark writes, waits on an SMS send and runs the order sync', async () => {
    // 汇款抄单 fits an order in any state; one unpaid order gets the SMS, the burst goes to others.
    const listed = async (status: string) =>
      ((await api(rig.b, 'GET', `/api/orders?status=${status}&pageSize=20`)).data.orders as { tid: string }[]).map(
        (o) => o.tid,
      );
    const unpaidTid = (await listed('WAIT_BUYER_PAY'))[0];
    // Finished orders: over half of any generated shop, whatever the hour (shipped ones vary with it).
    const tids = await listed('TRADE_FINISHED');
    expect(unpaidTid).toBeDefined();
    expect(tids).toHaveLength(20);

    const writes = burst(tids);
    await waitFor(
      'remarks acknowledged by both instances',
      () => ['A', 'B'].every((v) => written.some((w) => w.via === v && w.status === 201)) || undefined,
      { withinMs: 30_000 },
    );
    // The platform slows down: A's sync runs and its remark writes' memo updates take seconds each.
    await setLatency(LATENCY_MS);
    // A message A sends at once: the fake Aliyun receives it and does not answer, so A waits on it.
    rig.sms.hold = true;
    const queued = api(rig.a, 'POST', '/api/messages', { kind: 'payment-reminder-first', tid: unpaidTid! }).catch(
      () => undefined,
    );
    const send = await waitFor('A to call SendSms', () => rig.sms.calls.find((c) => c.Action === 'SendSms'), {
      withinMs: 30_000,
      everyMs: 50,
    });
    const run = await waitFor(
      'an order-sync run going on A',
      async () => {
        const { rows } = await rig.sql.query<{ id: string }>(
          "select id from job_runs where job = 'order-sync' and instance_id = $1 and finished_at is null",
          [idA],
        );
        return rows[0];
      },
      { withinMs: 30_000, everyMs: 200 },
    );
    runAtKill = run.id;
    messageId = send.OutId!;
    // A has remark writes under way: the kill cuts some of them short.
    expect(writes.inFlight('A')).toBeGreaterThan(0);

    const { rows } = await rig.sql.query<{ now: Date }>('select now()');
    killedAt = rows[0]!.now;
    await rig.a.kill();
    await queued;
    await setLatency(0);
    await writes.stop();
    const { rows: going } = await rig.sql.query<{ finished_at: Date | null }>(
      'select finished_at from job_runs where id = $1',
      [runAtKill],
    );
    // The kill came while A's run was going: nobody finished it.
    expect(going[0]!.finished_at).toBeNull();
    expect(written.filter((w) => w.status === 201).length).toBeGreaterThan(10);
  }, 180_000);

  it('keeps every acknowledged remark exactly once in its order history, read on the survivor, and on the memo once', async () => {
    expect(killedAt, 'A was killed mid-work by the first test').toBeDefined();
    const acked = written.filter((w) => w.status === 201);
    const tids = [...new Set(written.map((w) => w.tid))];
    for (const tid of tids) {
      const res = await api(rig.b, 'GET', `/api/orders/${tid}/remarks`);
      expect(res.status).toBe(200);
      const ids = (res.data.history as { id: string }[]).map((e) => e.id);
      // No entry twice…
      expect(new Set(ids).size).toBe(ids.length);
      // …every acknowledged one there…
      for (const w of acked.filter((x) => x.tid === tid)) expect(ids).toContain(w.id);
      // …and nothing beyond: a write left unanswered by the kill may have landed, once; a refused one did not.
      const unanswered = written.filter((w) => w.tid === tid && w.status === 0).length;
      expect(ids.length).toBeLessThanOrEqual(acked.filter((w) => w.tid === tid).length + unanswered);
    }
    // The platform's memo gets each entry once: B's remark outbox pushes what A committed but could not send.
    await waitFor(
      "every order's memo on the platform to hold each entry of its history once",
      async () => {
        for (const tid of tids) {
          const history = (await api(rig.b, 'GET', `/api/orders/${tid}/remarks`)).data.history as { text: string }[];
          const memo = (await rig.gatewayTrade(tid)).seller_memo;
          if (history.some((e) => timesIn(memo, e.text) !== 1)) return undefined;
        }
        return true;
      },
      // The remark outbox runs every minute, on whichever instance claims the slot.
      { withinMs: 150_000, everyMs: 2000 },
    );
    for (const w of acked) expect(timesIn((await rig.gatewayTrade(w.tid)).seller_memo, `单号:${w.waybill}+`)).toBe(1);
  }, 180_000);

  it('never sends the message A was sending again: B holds it as outcome unknown once A counts as dead', async () => {
    expect(killedAt, 'A was killed mid-work by the first test').toBeDefined();
    const held = await waitFor(
      'B to resolve the message A was sending',
      async () => {
        const res = await api(rig.b, 'GET', `/api/messages/${messageId}`);
        const m = (res.data.message ?? res.data) as { state?: string; stateReason?: string };
        return m.state && m.state !== 'sending' ? m : undefined;
      },
      // A counts as dead 60 s after its last registry beat; the dispatch runs every minute after that.
      { withinMs: 180_000, everyMs: 2000 },
    );
    expect(held).toMatchObject({ state: 'held', stateReason: 'outcome_unknown' });
    expect(rig.sms.sendsOf(messageId)).toBe(1);
    // No message at all went to Aliyun twice.
    const outIds = rig.sms.calls.filter((c) => c.Action === 'SendSms').map((c) => c.OutId);
    expect(new Set(outIds).size).toBe(outIds.length);
  }, 200_000);

  it('goes on with the order sync from B within about a minute of the kill', async () => {
    expect(killedAt, 'A was killed mid-work by the first test').toBeDefined();
    const next = await waitFor(
      'an order-sync run of B that ended well',
      async () => {
        const { rows } = await rig.sql.query<{ started_at: Date; outcome: string }>(
          `select started_at, outcome from job_runs where job = 'order-sync' and instance_id = $1
           and started_at > $2 and outcome = 'ok' order by started_at limit 1`,
          [idB, killedAt],
        );
        return rows[0];
      },
      { withinMs: 120_000, everyMs: 1000 },
    );
    const afterKillMs = next.started_at.getTime() - killedAt.getTime();
    // A's run heartbeat goes stale 60 s after its last beat (15 s period, so at most 60 s after the kill); the next
    // 5-s slot then runs on B. Measured on the database's clock.
    expect(afterKillMs).toBeLessThan(80_000);
    // A's run is never finished by anyone, and never run again: its slot holds no second run.
    const { rows } = await rig.sql.query<{ n: string }>(
      "select count(*) as n from job_runs where job = 'order-sync' and slot = (select slot from job_runs where id = $1)",
      [runAtKill],
    );
    expect(Number(rows[0]!.n)).toBe(1);
  }, 150_000);
});
