import type { TopErrorBody } from '../top/wire.js';

/**
 * The gateway's error answers with the real platform's codes and messages (平台级错误码 < 100,
 * business errors as code 15/40/41 with an isv.* or isp.* sub_code).
 */
export const topError = (code: number, msg: string, sub_code?: string, sub_msg?: string): TopErrorBody => ({
  code,
  msg,
  ...(sub_code ? { sub_code } : {}),
  ...(sub_msg ? { sub_msg } : {}),
});

export const E = {
  httpActionNotAllowed: () => topError(9, 'Http Action Not Allowed'),
  missingMethod: () => topError(21, 'Missing Method'),
  invalidMethod: () => topError(22, 'Invalid Method'),
  invalidFormat: () => topError(23, 'Invalid Format'),
  missingSignature: () => topError(24, 'Missing Signature'),
  invalidSignature: () => topError(25, 'Invalid Signature'),
  missingSession: () => topError(26, 'Missing Session'),
  invalidSession: () => topError(27, 'Invalid Session', 'invalid-sessionkey', 'SessionKey非法'),
  missingAppKey: () => topError(28, 'Missing App Key'),
  invalidAppKey: () => topError(29, 'Invalid App Key'),
  missingTimestamp: () => topError(30, 'Missing Timestamp'),
  invalidTimestamp: () => topError(31, 'Invalid Timestamp', undefined, '时间戳与服务器时间相差超过10分钟或格式不正确'),
  missingVersion: () => topError(32, 'Missing Version'),
  invalidVersion: () => topError(33, 'Invalid Version'),
  invalidSignMethod: () =>
    topError(41, 'Invalid Arguments', 'isv.invalid-parameter:sign_method', 'sign_method只能是md5、hmac或hmac-sha256'),
  missingArgument: (name: string) =>
    topError(40, 'Missing Required Arguments', `isv.missing-parameter:${name}`, `缺少必选参数:${name}`),
  invalidArgument: (subMsg: string) => topError(41, 'Invalid Arguments', 'isv.invalid-parameter', subMsg),
  business: (subCode: string, subMsg: string) => topError(15, 'Remote service error', subCode, subMsg),
  /** A named parameter's value refused by the gateway's own checks (list too long, value not in its list). */
  invalidParameter: (name: string, subMsg: string) =>
    topError(41, 'Invalid Arguments', `isv.invalid-parameter:${name}`, subMsg),
  /**
   * The app's daily quota of one API is spent: the platform's flow control for a per-API count (code 7, as for any
   * call limit, with the API's own sub code), banned until the count resets at midnight Shanghai time.
   */
  apiCallLimited: (seconds: number) =>
    topError(
      7,
      'App Call Limited',
      'accesscontrol.limited-by-api-access-count',
      `This ban will last for ${seconds} more seconds`,
    ),
  appCallLimited: (seconds: number) =>
    topError(
      7,
      'App Call Limited',
      'accesscontrol.limited-by-app-access-count',
      `This ban will last for ${seconds} more seconds`,
    ),
  isp: (variant: number) =>
    [
      topError(15, 'Remote service error', 'isp.top-remote-connection-timeout', '远程服务调用超时'),
      topError(10, 'Service Currently Unavailable', 'isp.top-remote-service-unavailable', '服务暂时不可用'),
      topError(15, 'Remote service error', 'isp.unknown-error', '系统繁忙，请稍后重试'),
    ][variant % 3]!,
};
