/**
 * Aliyun SMS (dysmsapi, API version 2017-05-25) as a buyer channel. Our message id travels as
 * OutId, so a send whose answer was lost can be looked up with QuerySendDetails instead of being
 * sent again. The HTTP client never retries here: a timed-out SendSms may have been delivered,
 * and only the lookup may decide that.
 */
import { randomUUID } from 'node:crypto';
import { createHttpClient } from '../../../http-client/index.js';
import { UpstreamError } from '../../../shared/errors.js';
import type { Logger } from '../../../shared/logger.js';
import { maskText } from '../../../shared/mask.js';
import { formatShanghaiDate, parseInstant, type Clock } from '../../../shared/time.js';
import type { MessageKind } from '../../templates/metadata.js';
import type { BuyerChannel, BuyerSendRequest, ResolveOutcome, SendOutcome } from '../../outbound/channel-port.js';
import { percentEncode, popSignature, popTimestamp } from './pop-signature.js';
import { smsCodeMeaning } from './sms-codes.js';

export interface AliyunSmsOptions {
  accessKeyId: string;
  accessKeySecret: string;
  signName: string;
  templateCodes: Partial<Record<MessageKind, string>>;
  endpoint: string;
  regionId: string;
  timeoutMs?: number;
  clock: Clock;
  logger?: Logger;
  /** SignatureNonce source (tests pin it to check signatures). */
  nonce?: () => string;
}

interface PopAnswer {
  Code?: string;
  Message?: string;
  BizId?: string;
  RequestId?: string;
  [k: string]: unknown;
}

export function createAliyunSmsChannel(opts: AliyunSmsOptions): BuyerChannel {
  const client = createHttpClient({
    name: 'aliyun-sms',
    baseURL: opts.endpoint,
    timeoutMs: opts.timeoutMs,
    retry: { maxRetries: 0 },
    logger: opts.logger,
  });
  const nonce = opts.nonce ?? randomUUID;

  /** One signed RPC call; answers the body whatever the HTTP status (Aliyun puts its code in 4xx bodies too). */
  async function rpc(action: string, params: Record<string, string>): Promise<PopAnswer> {
    const all: Record<string, string> = {
      AccessKeyId: opts.accessKeyId,
      Action: action,
      Format: 'JSON',
      RegionId: opts.regionId,
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: nonce(),
      SignatureVersion: '1.0',
      Timestamp: popTimestamp(opts.clock.now()),
      Version: '2017-05-25',
      ...params,
    };
    const signature = popSignature('POST', all, opts.accessKeySecret);
    const body = [...Object.entries(all), ['Signature', signature]]
      .map(([k, v]) => `${percentEncode(k!)}=${percentEncode(v!)}`)
      .join('&');
    return client.call(async (http) => {
      const res = await http.post<PopAnswer>('/', body, {
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        validateStatus: () => true,
      });
      const data = res.data && typeof res.data === 'object' ? res.data : {};
      if (typeof data.Code !== 'string') {
        throw new UpstreamError({
          upstream: 'aliyun-sms',
          code: `http_${res.status}`,
          message: `aliyun-sms: HTTP ${res.status} without a code`,
          retriable: res.status >= 500,
        });
      }
      return data;
    });
  }

  const describe = (a: PopAnswer) => maskText(`${a.Code}: ${a.Message ?? ''}`.trim());

  async function send({ message, phone }: BuyerSendRequest): Promise<SendOutcome> {
    const templateCode = opts.templateCodes[message.kind as MessageKind];
    if (!templateCode) return { outcome: 'failed', error: `no Aliyun template code for ${message.kind}` };
    if (!phone) return { outcome: 'failed', error: 'no_phone' };
    let answer: PopAnswer;
    try {
      answer = await rpc('SendSms', {
        PhoneNumbers: phone,
        SignName: opts.signName,
        TemplateCode: templateCode,
        TemplateParam: JSON.stringify(message.smsParams ?? {}),
        OutId: message.id,
      });
    } catch (err) {
      // No answer: the request may have reached Aliyun. Resolve it before anything is resent.
      return { outcome: 'unknown', error: errorText(err) };
    }
    switch (smsCodeMeaning(answer.Code!)) {
      case 'ok':
        return { outcome: 'sent', ...(answer.BizId ? { providerId: answer.BizId } : {}) };
      case 'capped':
        return { outcome: 'capped', error: describe(answer) };
      case 'retry':
        return { outcome: 'retry', error: describe(answer) };
      default:
        return { outcome: 'failed', error: describe(answer) };
    }
  }

  async function resolve({ message, phone }: BuyerSendRequest): Promise<ResolveOutcome> {
    if (!phone) return { outcome: 'unknown', error: 'no_phone' };
    const since = message.sendingSince ? parseInstant(message.sendingSince) : opts.clock.now();
    let answer: PopAnswer;
    try {
      answer = await rpc('QuerySendDetails', {
        PhoneNumber: phone,
        SendDate: formatShanghaiDate(since, 'YYYYMMDD'),
        PageSize: '50',
        CurrentPage: '1',
      });
    } catch (err) {
      return { outcome: 'unknown', error: errorText(err) };
    }
    if (answer.Code !== 'OK') return { outcome: 'unknown', error: describe(answer) };
    const details =
      (answer.SmsSendDetailDTOs as { SmsSendDetailDTO?: SendDetail[] } | undefined)?.SmsSendDetailDTO ?? [];
    const mine = details.find((d) => d.OutId === message.id);
    if (!mine) return { outcome: 'not_sent' };
    // 1 waiting for the handset's receipt, 3 delivered: either way it left, so it must not go again.
    if (mine.SendStatus === 2) return { outcome: 'failed', error: maskText(`delivery failed: ${mine.ErrCode ?? ''}`) };
    return { outcome: 'sent' };
  }

  return {
    kind: 'aliyun-sms',
    needsPhone: true,
    supports: (kind) => Boolean(opts.templateCodes[kind]),
    send,
    resolve,
  };
}

interface SendDetail {
  OutId?: string;
  SendStatus?: number;
  ErrCode?: string;
}

function errorText(err: unknown): string {
  return err instanceof UpstreamError ? `${err.code}: ${err.message}` : maskText(String(err));
}
