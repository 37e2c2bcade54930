/**
 * DingTalk group-robot signing (加签): HMAC-SHA256 keyed by the secret over
 * `timestamp + "\n" + secret`, base64, then URL-encoded into `&timestamp=…&sign=…`.
 * DingTalk refuses a timestamp more than an hour from its clock.
 */
import { createHmac } from 'node:crypto';

export function dingtalkSign(timestampMs: number, secret: string): string {
  return createHmac('sha256', secret).update(`${timestampMs}\n${secret}`).digest('base64');
}

/** The webhook URL with the signature appended (the webhook already carries access_token). */
export function signedWebhook(webhook: string, timestampMs: number, secret: string | undefined): string {
  if (!secret) return webhook;
  const sep = webhook.includes('?') ? '&' : '?';
  return `${webhook}${sep}timestamp=${timestampMs}&sign=${encodeURIComponent(dingtalkSign(timestampMs, secret))}`;
}
