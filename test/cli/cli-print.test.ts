/**
 * `xiaoer print` as the warehouse runs it (the built CLI, through the API client like every command): the next batch
 * by courier in Chinese, each order with its lines; a batch time off the shop's list refused in Chinese with exit 1.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { englishWords } from '../support/english-words.js';
import { ensureBuiltCli, xiaoer } from '../support/cli.js';
import { quietJobs } from './service-process.js';

let dir: string;
beforeAll(async () => {
  await ensureBuiltCli();
  dir = await mkdtemp(join(tmpdir(), 'xiaoer-cli-print-'));
  await quietJobs(dir);
  await xiaoer(['sync'], dir);
}, 120_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('xiaoer print', () => {
  it('when no batch is named, then the next batch is listed by courier, each order with its item numbers and sizes', async () => {
    const { stdout } = await xiaoer(['print'], dir);
    const [head, ...rest] = stdout.trimEnd().split('\n');
    expect(head).toMatch(
      /^\d{4}-\d\d-\d\d (12:00|15:00|17:00) 批次(（当天最后一批）)?：待打单 \d+，已打单 \d+.*（北京时间）$/,
    );
    const orders = rest.filter((l) => /^ {2}\d+ {2}/.test(l));
    expect(orders.length).toBeGreaterThan(0);
    for (const l of orders) expect(l).toMatch(/^ {2}\d+ {2}\S+ {2}[A-Z]\d{4} \S+ \S+ ×\d/);
    expect(rest.some((l) => /^\S+（\d+ 单）$/.test(l))).toBe(true);
    expect(englishWords(stdout)).toEqual([]);
  }, 60_000);

  it('when a batch time off the list is asked for, then the CLI names the shop’s times in Chinese and exits 1', async () => {
    const failed = await xiaoer(['print', '--batch', '13:00', '--date', '2026-12-07'], dir).then(
      () => null,
      (err: { code: number; stderr: string }) => err,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toContain('打单时间只有 12:00、15:00、17:00');
  }, 60_000);
});
