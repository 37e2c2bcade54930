import { z } from 'zod';

/**
 * The kuaidi100 实时快递查询 (poll/query.do) wire shapes, shared by the client and the sandbox courier.
 * Source: api.kuaidi100.com/document/5f0ffb5ebc8da837cbd8aefc (mirrored at
 * apifox.com/apidoc/project-514987/api-8562559).
 */

export const QUERY_PATH = '/poll/query.do';

/**
 * resultv2=4 asks for the 高级物流状态: `state` and each trace's `statusCode` then carry detail codes
 * (201 超时未签收, 202 超时未更新, 205 柜或驿站超时未取, 501 投柜或驿站 ...). With resultv2=1 only the
 * base states 0–14 come back and a problem could not be told from a parcel waiting in a locker.
 */
export const RESULTV2_ADVANCED = '4';

export interface QueryParam {
  com: string;
  num: string;
  /** last four digits only: SF and ZTO require it, other couriers ignore it */
  phone?: string;
  from?: string;
  to?: string;
  resultv2: string;
  show: '0';
  order: 'desc' | 'asc';
}

/** Key order is fixed so the signed text is reproducible. */
export function buildQueryParam(com: string, num: string, phoneTail?: string): QueryParam {
  return {
    com,
    num,
    ...(phoneTail ? { phone: phoneTail } : {}),
    resultv2: RESULTV2_ADVANCED,
    show: '0',
    order: 'desc',
  };
}

const code = z.union([z.string(), z.number()]).transform(String);

export const traceSchema = z.object({
  time: z.string(),
  ftime: z.string().optional(),
  context: z.string(),
  location: z.string().nullish(),
  areaCode: z.string().nullish(),
  areaName: z.string().nullish(),
  /** state name: base (在途, 签收...) with resultv2=1, detailed (干线, 投柜或驿站...) with resultv2=4 */
  status: z.string().nullish(),
  /** detail state code, resultv2=4 only */
  statusCode: code.nullish(),
});
export type Kuaidi100Trace = z.input<typeof traceSchema>;

export const okResponseSchema = z.object({
  message: z.string(),
  nu: z.string(),
  ischeck: code.optional(),
  condition: z.string().optional(),
  com: z.string(),
  status: code,
  state: code,
  data: z.array(traceSchema),
});
export type Kuaidi100OkResponse = z.input<typeof okResponseSchema>;

export const errorResponseSchema = z.object({
  result: z.literal(false),
  returnCode: code,
  message: z.string(),
});
export type Kuaidi100ErrorResponse = z.input<typeof errorResponseSchema>;

/**
 * returnCode values of poll/query.do: 400 incomplete data or unknown company, 408 phone check failed
 * (SF/ZTO), 500 no result yet, 501 server error, 502 server busy, 503 signature check failed,
 * 601 key expired or no query balance left.
 */
export const RETURN_CODES = {
  badRequest: '400',
  phoneCheckFailed: '408',
  noResult: '500',
  serverError: '501',
  serverBusy: '502',
  badSign: '503',
  keyExpired: '601',
} as const;
