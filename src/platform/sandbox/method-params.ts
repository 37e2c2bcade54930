import type { TopErrorBody } from '../top/wire.js';
import { DAY, parseTopTime } from '../../shared/time.js';
import type { Params } from './gateway.js';
import { E } from './top-errors.js';

/** What a method handler answers: the response body, or a platform error. */
export type MethodResult = { ok: true; body: Record<string, unknown> } | { ok: false; error: TopErrorBody };

export class ParamError extends Error {
  constructor(readonly error: TopErrorBody) {
    super(error.sub_msg ?? error.msg);
  }
}

export function required(p: Params, name: string): string {
  const v = p[name];
  if (v === undefined || v === '') throw new ParamError(E.missingArgument(name));
  return v;
}

export function optionalTime(p: Params, name: string): number | undefined {
  const v = p[name];
  if (v === undefined || v === '') return undefined;
  try {
    return parseTopTime(v);
  } catch {
    throw new ParamError(E.invalidArgument(`${name}格式不正确，应为yyyy-MM-dd HH:mm:ss`));
  }
}

export function optionalInt(p: Params, name: string, min: number, max: number): number | undefined {
  const v = p[name];
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new ParamError(E.invalidArgument(`${name}必须是${min}到${max}之间的整数`));
  return n;
}

export function paging(
  p: Params,
  maxSize: number,
  defaultSize: number,
): { pageNo: number; pageSize: number; useHasNext: boolean } {
  return {
    pageNo: optionalInt(p, 'page_no', 1, 1_000_000) ?? 1,
    pageSize: optionalInt(p, 'page_size', 1, maxSize) ?? defaultSize,
    useHasNext: p.use_has_next === 'true',
  };
}

export function window(
  start: number | undefined,
  end: number | undefined,
  maxMs?: number,
): { start: number; end: number } {
  const s = start ?? -Infinity;
  const e = end ?? Infinity;
  if (s > e) throw new ParamError(E.invalidArgument('开始时间不能晚于结束时间'));
  if (maxMs !== undefined && e - s > maxMs)
    throw new ParamError(E.invalidArgument('start_modified与end_modified的间隔不能超过一天'));
  return { start: s, end: e };
}

export const ONE_DAY = DAY;

/** Runs a handler, turning parameter problems into the platform's error answers. */
export async function guarded(
  run: () => Promise<Record<string, unknown>> | Record<string, unknown>,
): Promise<MethodResult> {
  try {
    return { ok: true, body: await run() };
  } catch (err) {
    if (err instanceof ParamError) return { ok: false, error: err.error };
    throw err;
  }
}
