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

export const api = {
  login: (username, password) => request('POST', '/api/session', { body: { username, password } }),
  logout: () => request('DELETE', '/api/session'),
  health: () => request('GET', '/healthz'),
  orders: (query) => request('GET', '/api/orders', { query }),
  order: (tid) => request('GET', `/api/orders/${encodeURIComponent(tid)}`),
};
