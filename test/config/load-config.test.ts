import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/load-config.js';

/** A real hash from hashPassword('lili-pass'), so the schema's shape check passes. */
const HASH = 'scrypt$16384$8$1$zs4+aPjf0AxgsaPPOu3S7Q==$PUga+/ZYXjObSuqbIjBFR/SZg+1ZlGI2V0NVCQfvPa4=';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xiaoer-cfg-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('config', () => {
  it('when other keys are wrong too, then an unknown cliUser and a malformed hash are listed with them at once', async () => {
    await writeFile(
      join(dir, 'cfg.json'),
      JSON.stringify({
        staff: [
          { username: 'lili', displayName: '丽丽', role: 'staff', passwordHash: 'scrypt$3$8$1$c2FsdA==$aGFzaA==' },
        ],
      }),
    );
    const text = problemsOf(() =>
      loadConfig({ XIAOER_CONFIG: join(dir, 'cfg.json'), XIAOER_LOG_LEVEL: 'loud', XIAOER_CLI_USER: 'nobody' }, dir),
    ).join('\n');
    expect(text).toMatch(/logLevel/);
    expect(text).toMatch(/cliUser \(XIAOER_CLI_USER\): "nobody"/);
    expect(text).toMatch(/staff\.0\.passwordHash/);
  });

  it('when a key is misspelt in config.json, then it is named instead of silently ignored', async () => {
    await writeFile(join(dir, 'cfg.json'), JSON.stringify({ cliuser: 'xiaoli' }));
    expect(problemsOf(() => loadConfig({ XIAOER_CONFIG: join(dir, 'cfg.json') }, dir)).join('\n')).toMatch(/cliuser/);
  });

  it('when a variable is empty or blank, then it counts as unset (never the current folder, never port 0)', () => {
    const c = loadConfig({ XIAOER_DATA_DIR: '', PORT: ' ' }, dir);
    expect(c.dataDir).toBe(join(dir, 'data'));
    expect(c.port).toBe(3000);
  });

  it('when there is no file and no variable, then the sandbox shop runs with defaults', () => {
    const c = loadConfig({}, dir);
    expect(c.platform).toMatchObject({ kind: 'sandbox', orders: 3000, signMethod: 'hmac-sha256' });
    expect(c.logistics.kind).toBe('sandbox');
    expect(c.port).toBe(3000);
    expect(c.memoDateFormat).toBe('MM.DD');
    expect(c.timeZone).toBe('Asia/Shanghai');
    expect(c.dataDir).toBe(join(dir, 'data'));
    expect(c.sync.overlapMinutes).toBe(10);
  });

  it('when the taobao platform is chosen without credentials, then every missing key is listed at once with its variable', () => {
    const problems = problemsOf(() =>
      loadConfig({ XIAOER_PLATFORM: 'taobao', XIAOER_LOGISTICS: 'kuaidi100', PORT: 'abc' }, dir),
    );
    const text = problems.join('\n');
    expect(text).toMatch(/platform\.appKey \(TAOBAO_APP_KEY\)/);
    expect(text).toMatch(/platform\.appSecret \(TAOBAO_APP_SECRET\)/);
    expect(text).toMatch(/platform\.sessionKey \(TAOBAO_SESSION_KEY\)/);
    expect(text).toMatch(/logistics\.customer \(KUAIDI100_CUSTOMER\)/);
    expect(text).toMatch(/logistics\.key \(KUAIDI100_KEY\)/);
    expect(text).toMatch(/PORT: "abc" is not a number/);
    expect(problems.length).toBeGreaterThanOrEqual(6);
  });

  it('when a real shop is configured without naming the CLI account, then cliUser is reported', async () => {
    await writeFile(
      join(dir, 'cfg.json'),
      JSON.stringify({
        platform: { kind: 'taobao', appKey: 'k', appSecret: 's', sessionKey: 'x' },
        staff: [{ username: 'lili', displayName: '丽丽', role: 'staff', passwordHash: HASH }],
      }),
    );
    expect(problemsOf(() => loadConfig({ XIAOER_CONFIG: 'cfg.json' }, dir)).join('\n')).toMatch(
      /cliUser \(XIAOER_CLI_USER\): "admin"/,
    );
    expect(loadConfig({ XIAOER_CONFIG: 'cfg.json', XIAOER_CLI_USER: 'lili' }, dir).cliUser).toBe('lili');
  });

  it('when data/config.json sets values and the environment overrides one, then both apply and the environment wins', async () => {
    await writeFile(
      join(dir, 'cfg.json'),
      JSON.stringify({
        shopName: '毛毛小店',
        port: 4000,
        platform: { kind: 'taobao', appKey: 'k', appSecret: 's', sessionKey: 'x', signMethod: 'md5' },
        staff: [{ username: 'lili', displayName: '丽丽', role: 'staff', passwordHash: HASH }],
      }),
    );
    const c = loadConfig({ XIAOER_CONFIG: 'cfg.json', PORT: '5000', XIAOER_CLI_USER: 'lili' }, dir);
    expect(c.shopName).toBe('毛毛小店');
    expect(c.port).toBe(5000);
    expect(c.platform).toMatchObject({
      kind: 'taobao',
      appKey: 'k',
      signMethod: 'md5',
      gatewayUrl: 'https://eco.taobao.com/router/rest',
    });
  });

  it('when the time zone, the memo date format, a sign method and a staff password are wrong, then each is named', async () => {
    await writeFile(
      join(dir, 'cfg.json'),
      JSON.stringify({
        timeZone: 'UTC',
        memoDateFormat: 'YYYY',
        staff: [{ username: 'xiaoli', displayName: '小丽', role: 'staff', passwordHash: 'plain-password' }],
        platform: { kind: 'sandbox', signMethod: 'sha1' },
      }),
    );
    const text = problemsOf(() => loadConfig({ XIAOER_CONFIG: 'cfg.json' }, dir)).join('\n');
    expect(text).toMatch(/timeZone/);
    expect(text).toMatch(/memoDateFormat/);
    expect(text).toMatch(/platform\.signMethod/);
    expect(text).toMatch(/staff\.0\.passwordHash/);
  });

  it('when the config file is not JSON, then the file is named', async () => {
    await writeFile(join(dir, 'cfg.json'), '{ nope');
    expect(problemsOf(() => loadConfig({ XIAOER_CONFIG: 'cfg.json' }, dir)).join('\n')).toMatch(
      /cfg\.json: not valid JSON/,
    );
  });
});
