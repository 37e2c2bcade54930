/**
 * `xiaoer summary --week` as the keeper runs it before the Monday meeting (the built CLI, through the API client
 * like every command): the week's Markdown in Chinese, and a mistyped week refused in Chinese with exit code 1.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { englishWords } from '../support/english-words.js';
import { ensureBuiltCli, xiaoer } from '../support/cli.js';

let dir: string;
beforeAll(async () => {
  await ensureBuiltCli();
  dir = await mkdtemp(join(tmpdir(), 'xiaoer-cli-summary-'));
}, 120_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('xiaoer summary', () => {
  it('when the week is given, then the Markdown covers Monday to Sunday of it, every heading in Chinese', async () => {
    const { stdout } = await xiaoer(['summary', '--week', '2026-W48'], dir);
    expect(stdout.split('\n')[0]).toBe('# 2026-W48 周报（2026-11-23 至 2026-11-29）');
    for (const heading of ['## 投诉', '## 售后结果', '## 中差评', '## 汇款', '## 发给买家的消息', '## 带到下周的待办'])
      expect(stdout).toContain(heading);
    expect(stdout).toMatch(/^## 备注（共 \d+ 条）$/m);
    expect(englishWords(stdout)).toEqual([]);
  }, 60_000);

  it('when the week is mistyped, then the CLI says how to write it in Chinese and exits 1', async () => {
    const failed = await xiaoer(['summary', '--week', '2026-48'], dir).then(
      () => null,
      (err: { code: number; stderr: string }) => err,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toContain('周的写法是 年-W周，如 2026-W48');
  }, 60_000);
});
