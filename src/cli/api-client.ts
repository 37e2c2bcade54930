import axios, { type AxiosInstance, type AxiosRequestConfig } from 'axios';
import type { User } from '../accounts/index.js';
import type { QuickReplyRender } from '../messaging/index.js';
import type { BatchKey, BatchView } from '../printing/index.js';
import type { ImportSummary } from '../reconciliation/index.js';
import type { WriteResult } from '../remarks/index.js';
import type { JobListing, JobRun } from '../scheduler/index.js';
import type { Labels } from '../service/index.js';
import type { SyncRun } from '../sync/index.js';

/**
 * The one client every CLI command uses, over HTTP to the service that holds the data folder: the
 * running service, or the one this process starts for itself when none runs. Each method is one
 * route of docs/api.md, typed as that route answers; the server decides who is acting from the
 * bearer token, never from anything a method sends.
 */
export interface XiaoerApi {
  me(): Promise<User>;
  sync(): Promise<SyncRun>;
  writeRemark(
    tid: string,
    req: { kind: string; fields: Record<string, string>; dryRun: boolean },
  ): Promise<WriteResult>;
  renderQuickReply(ref: string, req: { tid?: string; values: Record<string, string> }): Promise<QuickReplyRender>;
  importStatement(file: { bytes: Buffer; name: string }, bank?: string): Promise<ImportSummary>;
  transferRegister(date: string, format: 'csv' | 'xlsx'): Promise<Buffer>;
  refundExport(date: string, format: 'csv' | 'xlsx'): Promise<Buffer>;
  listJobs(): Promise<JobListing[]>;
  runJob(name: string): Promise<JobRun>;
  handoverMarkdown(shift: 'day' | 'night', date: string): Promise<string>;
  /** The weekly summary as Markdown (GET /api/summary/week); no week: last week. */
  summaryMarkdown(week?: string): Promise<string>;
  /** The Chinese names of the service's codes, as the console reads them (GET /api/labels). */
  labels(): Promise<Labels>;
  /** Ends this token's session on the server (DELETE /api/session): `xiaoer logout`. */
  endSession(): Promise<void>;
  /** The batch orders paid now go to (GET /api/print-batches). */
  nextPrintBatch(): Promise<BatchKey>;
  /** One print batch by courier (GET /api/print-batches/:date/:time). */
  printBatch(key: BatchKey): Promise<BatchView>;
}

/** Who answers: named in the message when the connection is lost. */
export interface ServiceTarget {
  baseUrl: string;
  token: string;
  /** "小二服务（进程 1234）" for a running service; the CLI's own instance is just "小二服务". */
  name: string;
  /**
   * What to say when the server no longer knows the token (401 unauthenticated), instead of its console wording:
   * a logged-in CLI names the command that logs in again.
   */
  unauthenticated?: string;
  /** What to say when no connection could be made at all (refused, no such host): a chosen server names its URL. */
  unreachable?: string;
}

/** What a person should do when the service stopped half-way through each kind of call. */
const RETRY = {
  sync: '同步可能没有完成：请再运行 `xiaoer sync`，它会接着上次保存的进度同步，已存的订单不会重复。',
  remark: '备注可能已经写上，也可能没有：请再运行同一条命令，已写上的备注不会重写。',
  import: '流水可能只导入了一部分：请再运行同一条命令，已导入的行会算作重复，不会重复入账。',
  job: '任务可能已经运行过：请先用 `xiaoer jobs list` 看它的上次运行，再决定是否重新运行。',
  read: '这条命令只读取数据，什么也没有改动：请再运行同一条命令。',
  session: '请再运行同一条命令。',
} as const;

/** A call that never got its answer because the far end closed or refused the connection. */
const LOST = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ERR_SOCKET_CONNECTION_TIMEOUT']);
const TIMEOUT = new Set(['ECONNABORTED', 'ETIMEDOUT']);
/** Nothing was sent: the address leads nowhere (refused, no such host, no route). */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
const DEFAULT_TIMEOUT_MS = 10 * 60_000;

/** Turns a failed call into the sentence a shop person reads (the server's own message when it answered). */
export function describeFailure(
  err: unknown,
  target: Pick<ServiceTarget, 'name' | 'unauthenticated' | 'unreachable'>,
  retry: string,
): Error {
  if (!axios.isAxiosError(err)) return err instanceof Error ? err : new Error(String(err));
  const res = err.response;
  if (res) {
    const body = decodeBody(res.data) as
      { error?: { code?: string; message?: string; field?: string; params?: unknown } } | undefined;
    // The same Chinese sentence the console shows, nothing added: the field's internal name is for programs
    // (err.field).
    if (res.status === 401 && target.unauthenticated && body?.error?.code === 'unauthenticated')
      return Object.assign(new Error(target.unauthenticated), { code: 'unauthenticated' });
    if (body?.error?.message) {
      const { code, field, params } = body.error;
      return Object.assign(new Error(body.error.message), { code, field, params });
    }
    return new Error(`${target.name}回答了 HTTP ${res.status}，没有说明原因。${retry}`);
  }
  const code = err.code ?? '';
  if (target.unreachable && UNREACHABLE.has(code)) return new Error(`${target.unreachable}（${code}）`);
  if (/CERT|SELF_SIGNED/.test(code))
    return new Error(
      `${target.name}的 HTTPS 证书不被这台电脑信任（${code}）：自签的证书请用环境变量 NODE_EXTRA_CA_CERTS 指向它。`,
    );
  if (code === 'ECONNREFUSED') return new Error(`连不上${target.name}：它可能刚刚停止了。${retry}`);
  if (LOST.has(code) || /socket hang up/i.test(err.message)) {
    return new Error(`${target.name}在命令执行中停止了（连接断开）。${retry}`);
  }
  if (TIMEOUT.has(code))
    return new Error(
      `${target.name}在 ${DEFAULT_TIMEOUT_MS / 60_000} 分钟内没有回答，命令可能还在服务里进行。${retry}`,
    );
  return new Error(`和${target.name}通信失败（${code || err.message}）。${retry}`);
}

/** An error body asked for as text or bytes arrives undecoded: read its JSON. */
function decodeBody(data: unknown): unknown {
  const text =
    typeof data === 'string'
      ? data
      : Buffer.isBuffer(data) || data instanceof ArrayBuffer
        ? Buffer.from(data as ArrayBuffer).toString('utf8')
        : null;
  if (text === null) return data;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function createApiClient(target: ServiceTarget): XiaoerApi {
  const http: AxiosInstance = axios.create({
    baseURL: `${target.baseUrl}/api`,
    headers: { authorization: `Bearer ${target.token}` },
    proxy: false,
    timeout: DEFAULT_TIMEOUT_MS,
  });
  const call = async <T>(retry: string, req: AxiosRequestConfig): Promise<T> => {
    try {
      return (await http.request<T>(req)).data;
    } catch (err) {
      throw describeFailure(err, target, retry);
    }
  };
  const bytes = async (path: string, params: Record<string, string>) =>
    Buffer.from(await call<ArrayBuffer>(RETRY.read, { method: 'GET', url: path, params, responseType: 'arraybuffer' }));

  return {
    async me() {
      return (await call<{ user: User }>(RETRY.read, { method: 'GET', url: '/me' })).user;
    },
    // A first backfill of a real shop can take longer than any fixed timeout; the service reports it as one run.
    sync: () => call<SyncRun>(RETRY.sync, { method: 'POST', url: '/sync', timeout: 0 }),
    writeRemark: (tid, req) =>
      call<WriteResult>(RETRY.remark, {
        method: 'POST',
        url: `/orders/${encodeURIComponent(tid)}/remarks`,
        params: req.dryRun ? { dryRun: '1' } : {},
        data: { kind: req.kind, fields: req.fields },
      }),
    renderQuickReply: (ref, req) =>
      call<QuickReplyRender>(RETRY.read, {
        method: 'POST',
        url: `/quick-replies/${encodeURIComponent(ref)}/render`,
        data: req,
      }),
    importStatement(file, bank) {
      const form = new FormData();
      form.append('file', new Blob([file.bytes]), file.name);
      if (bank) form.append('bank', bank);
      return call<ImportSummary>(RETRY.import, { method: 'POST', url: '/transfers/statements', data: form });
    },
    transferRegister: (date, format) => bytes('/transfers/register', { date, format }),
    refundExport: (date, format) => bytes('/refunds/export', { date, format }),
    async listJobs() {
      return (await call<{ jobs: JobListing[] }>(RETRY.read, { method: 'GET', url: '/jobs' })).jobs;
    },
    async runJob(name) {
      return (await call<{ run: JobRun }>(RETRY.job, { method: 'POST', url: `/jobs/${encodeURIComponent(name)}/run` }))
        .run;
    },
    handoverMarkdown: (shift, date) =>
      call<string>(RETRY.read, {
        method: 'GET',
        url: '/handover',
        params: { shift, date, format: 'markdown' },
        responseType: 'text',
      }),
    summaryMarkdown: (week) =>
      call<string>(RETRY.read, {
        method: 'GET',
        url: '/summary/week',
        params: { ...(week ? { week } : {}), format: 'markdown' },
        responseType: 'text',
      }),
    labels: () => call<Labels>(RETRY.read, { method: 'GET', url: '/labels' }),
    async endSession() {
      await call<void>(RETRY.session, { method: 'DELETE', url: '/session' });
    },
    async nextPrintBatch() {
      return (await call<{ next: BatchKey }>(RETRY.read, { method: 'GET', url: '/print-batches' })).next;
    },
    printBatch: (key) =>
      call<BatchView>(RETRY.read, {
        method: 'GET',
        url: `/print-batches/${encodeURIComponent(key.date)}/${encodeURIComponent(key.time.replace(':', ''))}`,
      }),
  };
}

/**
 * Logs in through the service's own login route (POST /api/session, the console's), as the person typing: the token
 * it answers is what a logged-in CLI sends as its Bearer. A wrong password or a lockout comes back in the service's
 * words.
 */
export async function openSession(
  target: Omit<ServiceTarget, 'token' | 'unauthenticated'>,
  username: string,
  password: string,
): Promise<{ token: string; user: User }> {
  let data: { token?: unknown; user?: User } | undefined;
  try {
    const res = await axios.post<typeof data>(
      `${target.baseUrl}/api/session`,
      { username, password },
      { proxy: false, timeout: 60_000 },
    );
    data = res.data;
  } catch (err) {
    throw describeFailure(err, target, RETRY.session);
  }
  if (typeof data?.token !== 'string' || !data.user)
    throw new Error(`${target.name}没有像小二服务那样回答登录：请检查网址是否写对。`);
  return { token: data.token, user: data.user };
}
