/**
 * What a shop person reads about a failure, the same in the console (through the HTTP answer) and the CLI:
 * a code, one Chinese sentence, the field and the values the sentence was built from. Errors of our own
 * family carry these already; zod issues are translated in zod-errors.ts; an outside system's failure is
 * told by which system failed and whether trying again later helps, its own words staying in the log.
 */
import { ZodError } from 'zod';
import { AppError, UpstreamError, type ErrorParam, type ErrorParams } from './errors.js';
import { fromZodError } from './zod-errors.js';

export interface PersonError {
  code: string;
  message: string;
  field?: string;
  params?: ErrorParams;
}

const UPSTREAM_NAMES: Readonly<Record<string, string>> = {
  taobao: '淘宝平台',
  kuaidi100: '快递100',
  'aliyun-sms': '阿里云短信',
  dingtalk: '钉钉机器人',
  wecom: '企业微信机器人',
};

/** Taobao's codes that a person can act on get their own sentence. */
const TOP_MESSAGES: Readonly<Record<string, string>> = {
  top_rate_limited: '淘宝平台暂时限制了调用次数，请稍后再试',
  top_upstream_fault: '淘宝平台暂时不可用，请稍后再试',
  top_invalid_signature: '淘宝平台不认这次请求的签名，请管理员检查应用密钥和签名方式的设置',
  top_session_invalid: '店铺授权缺失或已过期，请管理员重新授权店铺',
  top_app_key_invalid: '淘宝应用标识缺失或无效，请管理员检查设置',
  top_invalid_timestamp: '服务器时钟与淘宝平台相差太多，请管理员校准服务器时间',
};

/** Text an outside system wrote that a person can read as it is: Chinese, no English words. */
function plainChinese(text: unknown): text is string {
  return typeof text === 'string' && /[\u3400-\u9fff]/.test(text) && !/[A-Za-z]{3,}/.test(text) && text.length <= 120;
}

function upstreamError(err: UpstreamError): PersonError {
  const who = UPSTREAM_NAMES[err.upstream] ?? '外部服务';
  const params: Record<string, ErrorParam> = { upstream: err.upstream, retriable: err.retriable };
  if (err.retryAfterMs !== undefined) params.retryAfterSeconds = Math.ceil(err.retryAfterMs / 1000);
  const said = err.details.subMsg ?? err.details.upstreamMessage;
  let message = TOP_MESSAGES[err.code];
  if (!message) {
    message = err.retriable ? `${who}暂时无法访问，请稍后再试` : `${who}拒绝了这次操作`;
    if (plainChinese(said)) {
      params.upstreamMessage = said;
      message += `：${said}`;
    } else if (!err.retriable) message += '，请稍后再试或联系管理员';
  }
  return { code: err.code, message, params };
}

/** The person's view of a failure, or null for an error that is no one's input (a bug: say so without detail). */
export function personError(err: unknown): PersonError | null {
  if (err instanceof ZodError) return personError(fromZodError(err));
  if (err instanceof UpstreamError) return upstreamError(err);
  if (err instanceof AppError) {
    const { code, message, field, params } = err;
    return { code, message, ...(field ? { field } : {}), ...(params ? { params } : {}) };
  }
  return null;
}

export const INTERNAL_MESSAGE = '服务器出错了，请稍后再试';
