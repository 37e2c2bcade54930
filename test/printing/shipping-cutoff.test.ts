/**
 * The batch times are one config value: a shop that prints at 11:00 and 16:30 gets those batches and jobs, and its
 * shipping-time quick reply says 16:30, because the reply reads the cut-off from the same value (its template names
 * no time of its own).
 */
import { readFile, rm, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobsConfigSchema } from '../../src/operations/index.js';
import { ROOT, serviceRig } from '../support/service-rig.js';

let rig: Awaited<ReturnType<typeof serviceRig>>;
let token: string;
let configDir: string;
beforeAll(async () => {
  configDir = await mkdtemp(join(tmpdir(), 'xiaoer-print-config-'));
  const file = join(configDir, 'config.json');
  await writeFile(file, JSON.stringify({ jobs: { printBatches: { times: ['11:00', '16:30'] } } }));
  rig = await serviceRig({ XIAOER_CONFIG: file });
  token = await rig.login('xiaoli');
}, 120_000);
afterAll(async () => {
  await rig?.close();
  await rm(configDir, { recursive: true, force: true });
});

const get = (path: string) => request(rig.svc.url).get(path).set('Authorization', `Bearer ${token}`);

describe('the batch times and the shipping-time reply', () => {
  it('when the shop prints at 11:00 and 16:30, then the batches, the jobs and the reply all say so', async () => {
    const day = (await get('/api/print-batches').expect(200)).body;
    expect([day.times, day.cutoff]).toEqual([['11:00', '16:30'], '16:30']);
    const jobs = (await rig.svc.operations.listJobs()).filter((j) => j.name.startsWith('print-batch-'));
    expect(jobs.map((j) => [j.name, j.schedule, j.timeZone])).toEqual([
      ['print-batch-1100', '0 11 * * *', 'Asia/Shanghai'],
      ['print-batch-1630', '30 16 * * *', 'Asia/Shanghai'],
    ]);
    expect((await get('/api/labels').expect(200)).body.jobs['print-batch-1630']).toBe('打印批次 16:30');
    const reply = await request(rig.svc.url)
      .post('/api/quick-replies/arrival/render')
      .set('Authorization', `Bearer ${token}`)
      .send({})
      .expect(200);
    expect(reply.body.text).toContain('16:30前付款的订单一般当天发出');
  });

  it('when the reply’s template is read, then it names no time: the cut-off comes from the render context', async () => {
    const text = await readFile(join(ROOT, 'templates/quick-replies/arrival.hbs'), 'utf8');
    expect(text).toContain('source: shop.shipCutoff');
    expect(text).not.toMatch(/1[0-9](:|点)/);
  });

  it('when batch times are out of order or repeated, then the config is refused in Chinese', () => {
    const r = jobsConfigSchema.safeParse({ printBatches: { times: ['15:00', '12:00'] } });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('打单时间须从早到晚排列，不能重复');
    expect(jobsConfigSchema.safeParse({ printBatches: { times: ['12:00', '12:00'] } }).success).toBe(false);
  });
});
