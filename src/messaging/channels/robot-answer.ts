/** The answer both group robots give: HTTP 200 with `{errcode, errmsg}`, 0 meaning sent. */
import type { AxiosInstance, AxiosResponse } from 'axios';
import type { HttpClient } from '../../http-client/index.js';
import { UpstreamError } from '../../shared/errors.js';
import type { RobotOutcome } from './channel-port.js';

export async function robotAnswer(client: HttpClient, post: (http: AxiosInstance) => Promise<AxiosResponse<unknown>>, tooFastCode: number): Promise<RobotOutcome> {
  let data: { errcode?: unknown; errmsg?: unknown };
  try {
    data = (await client.call(async (http) => (await post(http)).data)) as typeof data;
  } catch (err) {
    // The client already retried network faults and 5xx; the URL (with its token) is never in the text.
    return { outcome: 'failed', error: err instanceof UpstreamError ? `${err.code}: ${err.message}` : String(err) };
  }
  const code = Number(data?.errcode);
  if (code === 0) return { outcome: 'sent' };
  const error = `errcode ${Number.isFinite(code) ? code : '?'}: ${String(data?.errmsg ?? '')}`;
  if (code === tooFastCode) return { outcome: 'too_fast', error };
  return { outcome: 'failed', error };
}
