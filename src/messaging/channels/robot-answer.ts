/** The answer both group robots give: HTTP 200 with `{errcode, errmsg}`, 0 meaning sent. */
import type { AxiosInstance, AxiosResponse } from 'axios';
import type { HttpClient } from '../../http-client/index.js';
import { UpstreamError } from '../../shared/errors.js';
import type { RobotOutcome } from '../outbound/channel-port.js';

export async function robotAnswer(
  client: HttpClient,
  post: (http: AxiosInstance) => Promise<AxiosResponse<unknown>>,
  tooFastCode: number,
): Promise<RobotOutcome> {
  let data: { errcode?: unknown; errmsg?: unknown };
  try {
    // A post whose answer was lost may have reached the group: it is resent only after a refusal
    // that proves it did not (a rate limit, a refused connection), never after a timeout or a 5xx.
    data = (await client.call(async (http) => (await post(http)).data, { idempotent: false })) as typeof data;
  } catch (err) {
    // The URL (with its token) is never in the text.
    return { outcome: 'failed', error: err instanceof UpstreamError ? `${err.code}: ${err.message}` : String(err) };
  }
  const code = Number(data?.errcode);
  if (code === 0) return { outcome: 'sent' };
  const error = `errcode ${Number.isFinite(code) ? code : '?'}: ${String(data?.errmsg ?? '')}`;
  if (code === tooFastCode) return { outcome: 'too_fast', error };
  return { outcome: 'failed', error };
}
