// The config a benchmark instance runs with: the bench's sandbox shop as an outside platform (as instances on one
// database point at one `xiaoer sandbox`), its store on lowdb in `dir` or on PostgreSQL at `databaseUrl`, two staff
// accounts (one per instance in the two-instance trial), no message channel (the bench shop serves only the gateway).
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { hashPassword } from '../dist/accounts/index.js';
import { SANDBOX_CREDENTIALS, SANDBOX_GATEWAY_PATH } from '../dist/platform/sandbox/index.js';

export const BENCH_PASSWORD = 'bench-password-1';
export const BENCH_STAFF = [
  { username: 'bench-a', displayName: '压测甲' },
  { username: 'bench-b', displayName: '压测乙' },
];

let hash;

/** Writes `dir`/config.json and gives the environment that loadConfig reads beside it. */
export async function instanceEnv({ dir, shopUrl, databaseUrl }) {
  hash ??= await hashPassword(BENCH_PASSWORD);
  await mkdir(dir, { recursive: true });
  const staff = BENCH_STAFF.map((s) => ({ ...s, role: 'staff', passwordHash: hash }));
  await writeFile(join(dir, 'config.json'), JSON.stringify({ staff, cliUser: staff[0].username }));
  return {
    XIAOER_DATA_DIR: dir,
    ...(databaseUrl ? { XIAOER_DATABASE_URL: databaseUrl } : {}),
    PORT: '0',
    XIAOER_LOG_LEVEL: 'silent',
    XIAOER_PLATFORM: 'taobao',
    TAOBAO_GATEWAY_URL: `${shopUrl}${SANDBOX_GATEWAY_PATH}`,
    TAOBAO_APP_KEY: SANDBOX_CREDENTIALS.appKey,
    TAOBAO_APP_SECRET: SANDBOX_CREDENTIALS.appSecret,
    TAOBAO_SESSION_KEY: SANDBOX_CREDENTIALS.session,
    // The app's call budget (600 a minute by default) would make the figure the budget's, not the store's.
    TAOBAO_CALLS_PER_MINUTE: '10000000',
    XIAOER_TMC: 'off',
    XIAOER_LOGISTICS: 'kuaidi100',
    KUAIDI100_CUSTOMER: 'bench',
    KUAIDI100_KEY: 'bench',
    // Never asked: the bench runs no parcel job.
    KUAIDI100_BASE_URL: 'http://127.0.0.1:9',
  };
}
