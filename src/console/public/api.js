/**
 * The one way pages talk to the service: the same JSON API the CLI and tests use. Errors arrive as
 * ApiError carrying the service's answer as it is: a stable code, one Chinese sentence ready to show next
 * to the form or field, the field, and the values the sentence was built from (params).
 */
import { clearSession, currentSession } from './session.js';

export class ApiError extends Error {
  /** @param {number} status 0 when the service could not be reached */
  constructor(status, code, message, field, params) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.field = field;
    this.params = params ?? {};
  }
}

/**
 * Sentences for answers that carry none of the service's own: the service unreachable, or a body that is not
 * ours (a proxy's error page). The service's message is shown as it is, never rewritten or cut.
 */
const FALLBACK = {
  network: '无法连接小二服务，请确认服务正在运行后重试',
  unauthenticated: '未登录或登录已过期，请重新登录',
  internal: '服务器出错了，请稍后再试',
  error: '操作失败，请稍后再试',
};

function toApiError(status, body) {
  const e = body && typeof body === 'object' ? body.error : undefined;
  const code = e?.code ?? (status === 401 ? 'unauthenticated' : status >= 500 ? 'internal' : 'error');
  const message = typeof e?.message === 'string' && e.message ? e.message : (FALLBACK[code] ?? FALLBACK.error);
  return new ApiError(status, code, message, e?.field, e?.params);
}

/** Called when a logged-in request comes back 401: the app sends the user to the login page. */
let onUnauthenticated = () => {};
export function setUnauthenticatedHandler(fn) {
  onUnauthenticated = fn;
}

/**
 * The session is the HttpOnly cookie, sent by the browser itself (same origin only). Every write
 * carries the CSRF header: another site's form cannot set a header, and its scripts get no CORS.
 */
const CSRF = { 'x-xiaoer-csrf': '1' };

function urlOf(path, query) {
  const url = new URL(path, location.origin);
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== undefined && v !== null && v !== '') url.searchParams.set(k, String(v));
  }
  return url;
}

async function send(method, url, headers, body) {
  try {
    return await fetch(url, {
      method,
      headers: method === 'GET' ? headers : { ...headers, ...CSRF },
      body,
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'network', FALLBACK.network);
  }
}

async function answer(res, path) {
  if (res.status === 204) return undefined;
  const data = await res.json().catch(() => null);
  if (res.ok) return data;
  const err = toApiError(res.status, data);
  if (res.status === 401 && currentSession() && path !== '/api/session') {
    clearSession();
    onUnauthenticated(err);
  }
  throw err;
}

/**
 * request('GET', '/api/orders', { query: {status: 'A,B'} }) → parsed JSON (undefined for 204).
 * Throws ApiError.
 */
export async function request(method, path, { query, body } = {}) {
  const headers = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await send(method, urlOf(path, query), headers, body === undefined ? undefined : JSON.stringify(body));
  return answer(res, path);
}

/** A multipart upload (a bank statement): `fields` are strings, `file` goes under `fileField`. */
export async function upload(path, { fileField, file, fields = {} }) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) if (v !== undefined && v !== null && v !== '') form.append(k, String(v));
  form.append(fileField, file, file.name);
  // No content-type: the browser writes the multipart boundary itself.
  const res = await send('POST', urlOf(path), { accept: 'application/json' }, form);
  return answer(res, path);
}

/** Who the session cookie belongs to and what they may call ({user, can}), or null: never redirects. */
export async function whoAmI() {
  const res = await send('GET', urlOf('/api/me'), { accept: 'application/json' });
  if (res.status === 401) return null;
  const data = await answer(res, '/api/me');
  return data?.user ? { user: data.user, can: data.can } : null;
}

/**
 * Downloads a file the API serves (CSV/XLSX exports): fetched with the cookie and saved from a blob
 * under `filename`, so an expired session shows its Chinese error instead of a JSON page.
 */
export async function download(path, query, filename) {
  const res = await send('GET', urlOf(path, query), {});
  if (!res.ok) return void (await answer(res, path));
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
  writeRemark: (tid, kind, fields, { dryRun = false, closeTrade } = {}) =>
    request('POST', `/api/orders/${enc(tid)}/remarks`, {
      query: { dryRun: dryRun ? 1 : undefined },
      body: { kind, fields, closeTrade },
    }),
  tasks: (query) => request('GET', '/api/tasks', { query }),
  notifications: (query) => request('GET', '/api/tasks/notifications', { query }),
  markRead: (id) => request('POST', `/api/tasks/notifications/${enc(id)}/read`),
  closeTask: (id, note) => request('POST', `/api/tasks/${enc(id)}/close`, { body: note ? { note } : {} }),
  ledger: (buyerNick) => request('GET', `/api/ledger/${enc(buyerNick)}`),
  credit: (buyerNick, body) => request('POST', `/api/ledger/${enc(buyerNick)}/credits`, { body }),
  refunds: (query) => request('GET', '/api/refunds', { query }),
  refundRegistered: (id) => request('POST', `/api/refunds/${enc(id)}/registered`),
  refundPaid: (id) => request('POST', `/api/refunds/${enc(id)}/paid`),
  quickReplies: (q) => request('GET', '/api/quick-replies', { query: { q } }),
  renderReply: (id, { tid, values } = {}) =>
    request('POST', `/api/quick-replies/${enc(id)}/render`, { body: { tid: tid || undefined, values } }),
  messages: (query) => request('GET', '/api/messages', { query }),
  /** preview: the text, send time and the policy's refusal, nothing queued. */
  queueMessage: (body) => request('POST', '/api/messages', { body }),
  messageSent: (id) => request('POST', `/api/messages/${enc(id)}/sent`),
  cancelMessage: (id) => request('POST', `/api/messages/${enc(id)}/cancel`, { body: {} }),
  message: (id) => request('GET', `/api/messages/${enc(id)}`),
  /** A job's message waiting for values (待补充): fill them (queued, sent when due) or close it with a note. */
  fillMessage: (id, values) => request('POST', `/api/messages/${enc(id)}/values`, { body: { values } }),
  dismissMessage: (id, note) => request('POST', `/api/messages/${enc(id)}/dismiss`, { body: note ? { note } : {} }),
  optOut: (nick) => request('POST', `/api/buyers/${enc(nick)}/opt-out`),
  optOutStatus: (nick) => request('GET', `/api/buyers/${enc(nick)}/opt-out`),
  searchBuyers: (q) => request('GET', '/api/search', { query: { q } }),
  buyer: (nick) => request('GET', `/api/buyers/${enc(nick)}`),
  saveBuyerProfile: (nick, body) => request('PUT', `/api/buyers/${enc(nick)}/profile`, { body }),
  handover: (query) => request('GET', '/api/handover', { query }),
  handoverAck: (shift, date) => request('POST', '/api/handover/ack', { body: { shift, date } }),
  handoverNote: (body) => request('POST', '/api/handover/diary', { body }),
  /** done | reassign | snooze | note on one open item, whatever stores it (body: {note}, {to, note}, {until, note}). */
  openItemAction: (key, action, body) =>
    request('POST', `/api/open-items/${encodeURIComponent(key)}/${action}`, { body }),
  roster: () => request('GET', '/api/roster'),
  saveRoster: (roster) => request('PUT', '/api/roster', { body: roster }),
  complaints: (query) => request('GET', '/api/complaints', { query }),
  recordComplaint: (body) => request('POST', '/api/complaints', { body }),
  complaintStep: (id, step, body) => request('POST', `/api/complaints/${enc(id)}/${step}`, { body }),
  jobs: () => request('GET', '/api/jobs'),
  runJob: (name) => request('POST', `/api/jobs/${enc(name)}/run`),
  /** 查看完整收件人: body {scene, reason}; the answer is shown once and kept nowhere. */
  revealReceiver: (tid, body) => request('POST', `/api/orders/${enc(tid)}/receiver/reveal`, { body }),
  accessLog: (query) => request('GET', '/api/privacy/access-log', { query }),
  lockouts: () => request('GET', '/api/lockouts'),
  /** target: {username} or {client} */
  unlock: (target) => request('POST', '/api/lockouts/unlock', { body: target }),
  transfers: (query) => request('GET', '/api/transfers', { query }),
  createTransfer: (body) => request('POST', '/api/transfers', { body }),
  claimTransfer: (id, body) => request('POST', `/api/transfers/${enc(id)}/claims`, { body }),
  cancelTransfer: (id, reason) => request('POST', `/api/transfers/${enc(id)}/cancel`, { body: { reason } }),
  transferQueue: () => request('GET', '/api/transfers/queue'),
  confirmTransfer: (id, body) => request('POST', `/api/transfers/${enc(id)}/confirm`, { body }),
  rejectStatementRow: (identity, body) => request('POST', `/api/transfers/rows/${enc(identity)}/reject`, { body }),
  unmatchTransfer: (id, body) => request('POST', `/api/transfers/${enc(id)}/unmatch`, { body }),
  shipTransfer: (id, body) => request('POST', `/api/transfers/${enc(id)}/ship`, { body }),
  shippingList: (date) => request('GET', '/api/transfers/shipping', { query: { date } }),
  transferRegister: (date) => request('GET', '/api/transfers/register', { query: { date } }),
  importStatement: (file, bank) => upload('/api/transfers/statements', { fileField: 'file', file, fields: { bank } }),
};
