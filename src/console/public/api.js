/**
 * The one way pages talk to the service: the same JSON API the CLI and tests use. Errors arrive as
 * ApiError with a message in plain Chinese, ready to show next to the form or field.
 */
import { clearSession, currentSession } from './session.js';

export class ApiError extends Error {
  /** @param {number} status 0 when the service could not be reached */
  constructor(status, code, message, field) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.field = field;
  }
}

/** Messages for codes staff meet often; anything else shows the service's own Chinese text. */
const MESSAGES = {
  bad_credentials: '用户名或密码错误',
  locked_out: '密码错误次数过多，请 5 分钟后再试',
  unauthenticated: '登录已过期，请重新登录',
  forbidden: '你的账号没有这个操作的权限',
  order_not_found: '没有找到这个订单',
  network: '无法连接小二服务，请确认服务正在运行后重试',
  internal: '服务器出错了，请稍后再试',
};

/** The service writes "中文说明 (English note)"; staff read only the Chinese part. */
export function chineseText(message) {
  const text = String(message ?? '').replace(/\s*\([^()]*[A-Za-z][^()]*\)\s*$/, '').trim();
  return text || '操作失败，请稍后再试';
}

function toApiError(status, body) {
  const e = body && typeof body === 'object' ? body.error : undefined;
  const code = e?.code ?? (status === 401 ? 'unauthenticated' : status >= 500 ? 'internal' : 'error');
  const byStatus = status === 401 && code !== 'bad_credentials' && code !== 'locked_out' ? MESSAGES.unauthenticated : undefined;
  return new ApiError(status, code, MESSAGES[code] ?? byStatus ?? chineseText(e?.message), e?.field);
}

/** Called when a logged-in request comes back 401: the app sends the user to the login page. */
let onUnauthenticated = () => {};
export function setUnauthenticatedHandler(fn) {
  onUnauthenticated = fn;
}

/**
 * request('GET', '/api/orders', { query: {status: 'A,B'} }) → parsed JSON (undefined for 204).
 * Adds the session's bearer token; throws ApiError.
 */
export async function request(method, path, { query, body } = {}) {
  const url = new URL(path, location.origin);
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== undefined && v !== null && v !== '') url.searchParams.set(k, String(v));
  }
  const session = currentSession();
  const headers = { accept: 'application/json' };
  if (session) headers.authorization = `Bearer ${session.token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  let res;
  try {
    res = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, 'network', MESSAGES.network);
  }
  if (res.status === 204) return undefined;
  const data = await res.json().catch(() => null);
  if (res.ok) return data;
  const err = toApiError(res.status, data);
  if (res.status === 401 && session && path !== '/api/session') {
    clearSession();
    onUnauthenticated(err);
  }
  throw err;
}

/**
 * Downloads a file the API serves behind the bearer token (a plain link cannot send it): fetched as
 * a blob and saved through a temporary object URL under `filename`.
 */
export async function download(path, query, filename) {
  const url = new URL(path, location.origin);
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== '') url.searchParams.set(k, String(v));
  const session = currentSession();
  let res;
  try {
    res = await fetch(url, { headers: session ? { authorization: `Bearer ${session.token}` } : {} });
  } catch {
    throw new ApiError(0, 'network', MESSAGES.network);
  }
  if (!res.ok) throw toApiError(res.status, await res.json().catch(() => null));
  const href = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = href;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked on the next turn: the click has handed the blob to the download by then.
  setTimeout(() => URL.revokeObjectURL(href), 0);
}

const enc = encodeURIComponent;

export const api = {
  login: (username, password) => request('POST', '/api/session', { body: { username, password } }),
  logout: () => request('DELETE', '/api/session'),
  health: () => request('GET', '/healthz'),
  orders: (query) => request('GET', '/api/orders', { query }),
  order: (tid) => request('GET', `/api/orders/${enc(tid)}`),
  remarkKinds: (tid) => request('GET', `/api/orders/${enc(tid)}/remark-kinds`),
  remarks: (tid) => request('GET', `/api/orders/${enc(tid)}/remarks`),
  /** dryRun: the exact entry, memo and flag the write would give, nothing written. */
  writeRemark: (tid, kind, fields, { dryRun = false } = {}) =>
    request('POST', `/api/orders/${enc(tid)}/remarks`, { query: { dryRun: dryRun ? 1 : undefined }, body: { kind, fields } }),
  tasks: (query) => request('GET', '/api/tasks', { query }),
  notifications: (query) => request('GET', '/api/tasks/notifications', { query }),
  markRead: (id) => request('POST', `/api/tasks/notifications/${enc(id)}/read`),
  closeTask: (id, note) => request('POST', `/api/tasks/${enc(id)}/close`, { body: note ? { note } : {} }),
  ledger: (buyerNick) => request('GET', `/api/ledger/${enc(buyerNick)}`),
  credit: (buyerNick, body) => request('POST', `/api/ledger/${enc(buyerNick)}/credits`, { body }),
  refunds: (query) => request('GET', '/api/refunds', { query }),
  refundRegistered: (id) => request('POST', `/api/refunds/${enc(id)}/registered`),
  refundPaid: (id) => request('POST', `/api/refunds/${enc(id)}/paid`),
};
