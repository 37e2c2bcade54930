import { z } from 'zod';
import { jobsConfigSchema } from '../operations/settings.js';
import { messagingConfigSchema } from '../messaging/settings.js';
import { staffAccountSchema } from '../accounts/index.js';

const signMethod = z.enum(['md5', 'hmac', 'hmac-sha256']);
/** The Taobao Message Channel: orders change within seconds; off (XIAOER_TMC=off) for an app without TMC permission. */
const tmcSettings = {
  tmc: z.boolean().default(true),
  tmcGroup: z.string().min(1).default('default'),
};
const sandboxPlatform = z
  .object({
    kind: z.literal('sandbox'),
    seed: z.number().int().default(20261123),
    orders: z.number().int().min(0).max(200_000).default(3000),
    signMethod: signMethod.default('hmac-sha256'),
    /** How often the sandbox shop lives (new orders, payments, shipments); 0 stops it. */
    tickMs: z.number().int().min(0).default(60_000),
    /** Receivers the sandbox lets the app decrypt per Shanghai day (taobao.top.oaid.decrypt); 0 refuses every one. */
    decryptQuotaPerDay: z.number().int().min(0).default(5000),
    ...tmcSettings,
  })
  .strict();

/** The embedded sandbox's defaults, which `xiaoer sandbox` (the sandbox served alone) starts from too. */
export const SANDBOX_DEFAULTS = sandboxPlatform.parse({ kind: 'sandbox' });

const taobaoPlatform = z
  .object({
    kind: z.literal('taobao'),
    gatewayUrl: z.url().default('https://eco.taobao.com/router/rest'),
    appKey: z.string().min(1),
    appSecret: z.string().min(1),
    sessionKey: z.string().min(1),
    signMethod: signMethod.default('hmac-sha256'),
    /** The app's call budget, shared by every caller (token bucket). */
    callsPerMinute: z.number().int().positive().default(600),
    ...tmcSettings,
    /** The message channel's address (the sandbox serves its own at /sandbox/tmc). */
    tmcUrl: z
      .string()
      .regex(/^wss?:\/\//, 'a ws:// or wss:// address')
      .default('ws://mc.api.taobao.com/'),
  })
  .strict();

const sandboxLogistics = z.object({ kind: z.literal('sandbox') }).strict();
const kuaidi100Logistics = z
  .object({
    kind: z.literal('kuaidi100'),
    customer: z.string().min(1),
    key: z.string().min(1),
    baseUrl: z.url().default('https://poll.kuaidi100.com'),
    callsPerMinute: z.number().int().positive().default(300),
  })
  .strict();

export const configSchema = z
  .object({
    port: z.number().int().min(0).max(65535).default(3000),
    host: z.string().default('127.0.0.1'),
    dataDir: z.string().min(1),
    shopName: z.string().min(1).default('小二示范店'),
    timeZone: z
      .literal('Asia/Shanghai', { error: 'xiaoer works in shop time: only Asia/Shanghai is accepted' })
      .default('Asia/Shanghai'),
    memoDateFormat: z
      .string()
      .regex(/^[^+；]*(MM|M)[^+；]*(DD|D)[^+；]*$/, 'needs a month (MM/M) and a day (DD/D) token and no "+" or "；"')
      .default('MM.DD'),
    logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    platform: z.discriminatedUnion('kind', [sandboxPlatform, taobaoPlatform]).prefault({ kind: 'sandbox' }),
    logistics: z.discriminatedUnion('kind', [sandboxLogistics, kuaidi100Logistics]).prefault({ kind: 'sandbox' }),
    staff: z.array(staffAccountSchema).default([]),
    sessionHours: z
      .number()
      .positive()
      .max(24 * 30)
      .default(12),
    sync: z
      .object({
        /** Re-read this much before the checkpoint: the platform's modified times can lag. */
        overlapMinutes: z.number().int().min(0).max(120).default(10),
        backfillDays: z.number().int().min(1).max(90).default(90),
        /** Never ask the tracker about one waybill more often than this. */
        parcelIntervalMinutes: z.number().int().min(30).default(30),
        /** While the message channel is connected the scheduled order sync runs only this often (the safety net). */
        connectedIntervalMinutes: z.number().int().min(5).max(1440).default(30),
        /**
         * An order a message made visible without its details (a new order's lines, what a TradeChanged changed) is
         * read in full at most this often, all such orders in one list call (docs/tmc.md).
         */
        tmcDetailsSeconds: z.number().int().min(1).max(3600).default(60),
      })
      .prefault({}),
    /** Channels, quiet hours and caps for messages (see src/messaging/messaging-config.ts). */
    messaging: messagingConfigSchema.prefault({}),
    /** Job schedules, shifts, holidays and the rules of the scheduled jobs (see src/jobs/jobs-config.ts). */
    jobs: jobsConfigSchema.prefault({}),
    /** The account the CLI acts as (remarks written from the CLI carry this person's name). */
    cliUser: z.string().default('admin'),
    /**
     * PostgreSQL for several instances on one database (XIAOER_DATABASE_URL, postgres://user:password@host:5432/db).
     * Read by src/storage/postgres only; the service does not switch its store on it yet (docs/postgres.md).
     */
    databaseUrl: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'a postgres:// or postgresql:// address')
      .optional(),
  })
  .strict(); // a misspelt key ("cliuser") must be an error, not a setting silently left at its default

export type Config = z.infer<typeof configSchema>;
