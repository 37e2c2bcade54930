import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEMO_ACCOUNTS } from '../accounts/index.js';
import { configSchema, type Config } from './config-schema.js';

/** Environment variables and the config keys they set. The only place that reads process.env. */
const ENV_KEYS: Record<string, { path: string[]; type?: 'number' | 'json' | 'window' | 'switch' }> = {
  PORT: { path: ['port'], type: 'number' },
  HOST: { path: ['host'] },
  XIAOER_DATA_DIR: { path: ['dataDir'] },
  XIAOER_DATABASE_URL: { path: ['databaseUrl'] },
  XIAOER_SHOP_NAME: { path: ['shopName'] },
  XIAOER_LOG_LEVEL: { path: ['logLevel'] },
  XIAOER_MEMO_DATE_FORMAT: { path: ['memoDateFormat'] },
  XIAOER_TIME_ZONE: { path: ['timeZone'] },
  XIAOER_PLATFORM: { path: ['platform', 'kind'] },
  XIAOER_SANDBOX_ORDERS: { path: ['platform', 'orders'], type: 'number' },
  XIAOER_SANDBOX_SEED: { path: ['platform', 'seed'], type: 'number' },
  XIAOER_SANDBOX_TICK_MS: { path: ['platform', 'tickMs'], type: 'number' },
  XIAOER_SANDBOX_DECRYPT_QUOTA: { path: ['platform', 'decryptQuotaPerDay'], type: 'number' },
  XIAOER_TMC: { path: ['platform', 'tmc'], type: 'switch' },
  XIAOER_TMC_DETAILS_SECONDS: { path: ['sync', 'tmcDetailsSeconds'], type: 'number' },
  TAOBAO_GATEWAY_URL: { path: ['platform', 'gatewayUrl'] },
  TAOBAO_APP_KEY: { path: ['platform', 'appKey'] },
  TAOBAO_APP_SECRET: { path: ['platform', 'appSecret'] },
  TAOBAO_SESSION_KEY: { path: ['platform', 'sessionKey'] },
  TAOBAO_SIGN_METHOD: { path: ['platform', 'signMethod'] },
  TAOBAO_CALLS_PER_MINUTE: { path: ['platform', 'callsPerMinute'], type: 'number' },
  XIAOER_LOGISTICS: { path: ['logistics', 'kind'] },
  KUAIDI100_CUSTOMER: { path: ['logistics', 'customer'] },
  KUAIDI100_KEY: { path: ['logistics', 'key'] },
  KUAIDI100_BASE_URL: { path: ['logistics', 'baseUrl'] },
  XIAOER_CLI_USER: { path: ['cliUser'] },
  XIAOER_BUYER_CHANNEL: { path: ['messaging', 'buyerChannel'] },
  XIAOER_ROBOT_CHANNEL: { path: ['messaging', 'robotChannel'] },
  XIAOER_QUIET_HOURS: { path: ['messaging', 'quietHours'], type: 'window' },
  XIAOER_BUYER_DAILY_CAP: { path: ['messaging', 'perBuyerDailyCap'], type: 'number' },
  ALIYUN_SMS_ACCESS_KEY_ID: { path: ['messaging', 'aliyunSms', 'accessKeyId'] },
  ALIYUN_SMS_ACCESS_KEY_SECRET: { path: ['messaging', 'aliyunSms', 'accessKeySecret'] },
  ALIYUN_SMS_SIGN_NAME: { path: ['messaging', 'aliyunSms', 'signName'] },
  ALIYUN_SMS_TEMPLATE_CODES: { path: ['messaging', 'aliyunSms', 'templateCodes'], type: 'json' },
  ALIYUN_SMS_ENDPOINT: { path: ['messaging', 'aliyunSms', 'endpoint'] },
  DINGTALK_WEBHOOK: { path: ['messaging', 'dingtalk', 'webhook'] },
  DINGTALK_SECRET: { path: ['messaging', 'dingtalk', 'secret'] },
  WECOM_WEBHOOK: { path: ['messaging', 'wecom', 'webhook'] },
  XIAOER_HOLIDAYS: { path: ['jobs', 'holidays'], type: 'json' },
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`配置有误 / invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function envNameFor(path: string[]): string | undefined {
  const joined = path.join('.');
  return Object.entries(ENV_KEYS).find(([, v]) => v.path.join('.') === joined)?.[0];
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[path[path.length - 1]!] = value;
}

/**
 * Config = defaults < `<dataDir>/config.json` (or XIAOER_CONFIG) < environment. With no file and no
 * variables it runs the sandbox shop. Every problem is reported at once, each naming its key.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): Config {
  const problems: string[] = [];
  // Empty is unset, as for every variable: never the current folder.
  const dataDir = resolve(cwd, env.XIAOER_DATA_DIR?.trim() || 'data');
  const file = env.XIAOER_CONFIG ? resolve(cwd, env.XIAOER_CONFIG) : resolve(dataDir, 'config.json');
  let raw: Record<string, unknown> = {};
  if (existsSync(file)) {
    try {
      raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
        throw new Error('the top level must be an object');
    } catch (err) {
      problems.push(`${file}: not valid JSON (${(err as Error).message})`);
      raw = {};
    }
  } else if (env.XIAOER_CONFIG) {
    problems.push(`XIAOER_CONFIG: file ${file} does not exist`);
  }
  raw.dataDir = dataDir;
  for (const [name, spec] of Object.entries(ENV_KEYS)) {
    const value = env[name];
    if (value === undefined || value.trim() === '' || name === 'XIAOER_DATA_DIR') continue;
    if (spec.type === 'number') {
      const n = Number(value);
      if (!Number.isFinite(n)) problems.push(`${name}: "${value}" is not a number`);
      else setPath(raw, spec.path, n);
    } else if (spec.type === 'json') {
      try {
        setPath(raw, spec.path, JSON.parse(value));
      } catch {
        problems.push(`${name}: not valid JSON`);
      }
    } else if (spec.type === 'switch') {
      const v = value.trim().toLowerCase();
      if (['on', 'true', '1'].includes(v)) setPath(raw, spec.path, true);
      else if (['off', 'false', '0'].includes(v)) setPath(raw, spec.path, false);
      else problems.push(`${name}: "${value}" is not on or off`);
    } else if (spec.type === 'window') {
      const m = /^(\d{2}:\d{2})-(\d{2}:\d{2})$/.exec(value.trim());
      if (!m) problems.push(`${name}: "${value}" is not a window like 21:00-09:00`);
      else setPath(raw, spec.path, { start: m[1], end: m[2] });
    } else {
      setPath(raw, spec.path, value);
    }
  }
  // Sandbox is the default kind even when some of its keys are set.
  for (const key of ['platform', 'logistics']) {
    const section = raw[key] as Record<string, unknown> | undefined;
    if (section && typeof section === 'object' && section.kind === undefined) section.kind = 'sandbox';
  }
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String);
      const env = envNameFor(path);
      problems.push(`${path.join('.') || '(root)'}${env ? ` (${env})` : ''}: ${issue.message}`);
    }
  }
  // Checked on what was given even when other keys are wrong, so every problem is listed at once.
  const staff = Array.isArray(raw.staff) ? (raw.staff as { username?: unknown }[]) : [];
  const kind = (raw.platform as { kind?: unknown } | undefined)?.kind ?? 'sandbox';
  const cliUser = parsed.success ? parsed.data.cliUser : typeof raw.cliUser === 'string' ? raw.cliUser : 'admin';
  const known = new Set([
    ...staff.map((u) => u?.username),
    ...(kind === 'sandbox' ? DEMO_ACCOUNTS.map((u) => u.username) : []),
  ]);
  if (!known.has(cliUser))
    problems.push(
      `cliUser (XIAOER_CLI_USER): "${cliUser}" is not a configured staff account; name the account CLI commands act as`,
    );
  if (problems.length || !parsed.success) throw new ConfigError(problems);
  return parsed.data;
}
