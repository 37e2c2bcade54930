/**
 * Every route of the role table (accounts/permissions.ts), called by a role allowed to call it, with malformed path
 * parameters, queries and bodies: each error answer is a 4xx with a code and a Chinese message holding no English
 * word of three letters or more but the product names of test/support/english-words.ts. The routes come from the
 * table, so a route added later is walked too. Bodies are found out, not written per route: an empty body's answer
 * names the fields the route wants, and the next bodies give those fields values of every wrong kind. An answer that
 * points at a field must name it by its label (the translation's 填写的内容 is what an unlabelled field is called).
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../src/accounts/accounts.js';
import { ROUTE_PERMISSIONS, type RoutePermission } from '../../src/accounts/permissions.js';
import { englishWords, PRODUCT_NAMES } from '../support/english-words.js';
import { serviceRig } from '../support/service-rig.js';

let rig: Awaited<ReturnType<typeof serviceRig>>;
const tokens = new Map<string, string>();
let tid = '';

beforeAll(async () => {
  rig = await serviceRig();
  for (const u of DEMO_ACCOUNTS) tokens.set(u.role, await rig.login(u.username));
  tid = [...rig.svc.store.all<{ tid: string }>('orders')][0]!.tid;
}, 90_000);
afterAll(async () => rig.close());

interface Answer {
  call: string;
  status: number;
  code?: string;
  message?: string;
  fields: string[];
}

/** Values of every wrong kind a field may be given: a list, letters for a number, too precise, too long, negative. */
const WRONG_VALUES: unknown[] = [['一', '二'], 'abc', 12.345, '长'.repeat(3000), -1, { a: 1 }, true];
/** Query names the routes read (lists, dates, filters): each gets nonsense, then two values at once. */
const QUERY_NAMES = ['page', 'pageSize', 'date', 'from', 'to', 'shift', 'state', 'status', 'format', 'kind', 'q'];
const QUERY_NAMES_MORE = ['tid', 'waybill', 'buyerNick', 'assignee', 'open', 'limit', 'since', 'id', 'name'];

function allowedRole(p: RoutePermission): string | null {
  if (p.roles === 'public') return null;
  return (['staff', 'assistant', 'keeper', 'admin'] as const).find((r) => (p.roles as readonly string[]).includes(r))!;
}

/** The route's path with every parameter set to `value`; with `realTid`, an order's id is a real one. */
function pathWith(p: RoutePermission, value: string, realTid = false): string {
  return p.path.replace(/:(\w+)/g, (_, name: string) => (name === 'tid' && realTid ? tid : value));
}

/** A body setting each of `fields` (dotted paths, list positions as numbers) to `value`. */
function bodyWith(fields: string[], value: unknown): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  const containers = new Set<object>([body]);
  for (const f of fields) {
    const keys = f.split('.').filter((k) => !/^\d+$/.test(k));
    let at = body;
    for (const k of keys.slice(0, -1)) {
      if (!containers.has(at[k] as object)) containers.add((at[k] = {}) as object);
      at = at[k] as typeof at;
    }
    if (keys.length) at[keys[keys.length - 1]!] = structuredClone(value);
  }
  return body;
}

/** Every field an error names: its own and each listed problem's. */
function fieldsOf(error: { field?: string; params?: { issues?: { field?: string | null }[] } } | undefined): string[] {
  const listed = (error?.params?.issues ?? []).map((i) => i.field ?? undefined);
  return [...new Set([error?.field, ...listed].filter((f): f is string => !!f))];
}

async function send(
  p: RoutePermission,
  path: string,
  opts: { body?: unknown; raw?: string; token?: string } = {},
): Promise<Answer> {
  const role = allowedRole(p);
  const agent = request(rig.svc.url);
  let req = agent[p.method.toLowerCase() as 'get' | 'post' | 'put' | 'delete'](path);
  const token = opts.token ?? (role ? tokens.get(role) : undefined);
  if (token) req = req.set('authorization', `Bearer ${token}`);
  if (opts.raw !== undefined) req = req.set('content-type', 'application/json').send(opts.raw);
  else if (opts.body !== undefined) req = req.send(opts.body as object);
  const res = await req;
  const error = res.body?.error;
  return {
    call: `${role ?? '未登录'} ${p.method} ${path.slice(0, 120)}${opts.body !== undefined ? ` ${JSON.stringify(opts.body).slice(0, 80)}` : ''}`,
    status: res.status,
    code: error?.code,
    message: error?.message,
    fields: fieldsOf(error),
  };
}

async function walk(p: RoutePermission): Promise<Answer[]> {
  const answers: Answer[] = [];
  // Logging out would end the shared session: that route gets a session of its own.
  const own = p.method === 'DELETE' && p.path === '/api/session' ? await rig.login('xiaoli') : undefined;
  const paths = p.path.includes(':')
    ? [...new Set([pathWith(p, 'nope'), pathWith(p, 'nope', true), pathWith(p, '%E4%B8')])]
    : [p.path];
  for (const path of paths) {
    if (p.method === 'GET') {
      const nonsense = [...QUERY_NAMES, ...QUERY_NAMES_MORE].map((n) => `${n}=nope`).join('&');
      const twice = QUERY_NAMES.map((n) => `${n}=1&${n}=2`).join('&');
      const extreme = 'page=0&pageSize=100000&date=2026-02-30&from=2026-11-23&to=2020-01-01&q=' + 'x'.repeat(500);
      for (const q of ['', nonsense, twice, extreme]) answers.push(await send(p, q ? `${path}?${q}` : path));
      continue;
    }
    const empty = await send(p, path, { body: {}, ...(own ? { token: own } : {}) });
    answers.push(empty);
    if (own) continue;
    for (const value of WRONG_VALUES) {
      const wrong = await send(p, path, { body: bodyWith(empty.fields, value) });
      answers.push(wrong);
      // A value that passed one field uncovers the next level (a remark's kind, then its fields).
      const deeper = wrong.fields.filter((f) => !empty.fields.includes(f));
      if (deeper.length) answers.push(await send(p, path, { body: bodyWith([...empty.fields, ...deeper], value) }));
    }
    answers.push(await send(p, path, { body: ['一'] }));
    answers.push(await send(p, path, { raw: '{"broken": ' }));
  }
  return answers;
}

describe('every route of the role table answers malformed requests in Chinese', () => {
  it(`when each route is called by an allowed role with malformed parameters, queries and bodies, then every error is a 4xx with a code and a message free of English words (allowed: ${PRODUCT_NAMES.join(', ')})`, async () => {
    const answers: Answer[] = [];
    const walked = new Set<string>();
    for (const p of ROUTE_PERMISSIONS) {
      const mine = await walk(p);
      if (mine.length) walked.add(`${p.method} ${p.path}`);
      answers.push(...mine);
    }
    const errors = answers.filter((a) => a.status >= 400);
    const bad = errors
      .filter(
        (a) =>
          a.status >= 500 ||
          !/^[a-z][a-z0-9_]*$/.test(a.code ?? '') ||
          !/[\u4e00-\u9fff]/.test(a.message ?? '') ||
          // What the walk typed may come back as the person's own data ("汇款订单 nope 不存在").
          englishWords(a.message ?? '', ['nope', 'abc', tid]).length > 0 ||
          // A field the answer points at is named by its Chinese label, not as 填写的内容 (an unlabelled field).
          (a.fields.length > 0 && a.message!.includes('填写的内容')),
      )
      .map((a) => `${a.status} ${a.call} → ${a.code}: ${a.message}`);
    expect(bad).toEqual([]);
    // The walk reached every route and drew many kinds of refusal, so the check is not met by one kind alone.
    expect(walked.size).toBe(ROUTE_PERMISSIONS.length);
    expect([...new Set(errors.map((a) => a.status))]).toEqual(expect.arrayContaining([400, 404]));
    expect(new Set(errors.map((a) => a.code)).size).toBeGreaterThanOrEqual(20);
  }, 300_000);
});
