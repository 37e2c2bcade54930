import { pino, type Logger, type LoggerOptions } from 'pino';
import { maskDeep, maskText } from './mask.js';

export type { Logger };

/**
 * Where a decrypted receiver lives in a log object (issue 18): the port's DecryptedReceiver lists and
 * taobao.top.oaid.decrypt's own answer, a level or two down (an error's body, a call's result). Removed whole,
 * not masked: masking a decrypted value would still log a privacy number's extension or a town, and nobody reading
 * a log needs any of it. pino applies these after the masks below, on the line as written.
 */
export const REDACTED_PATHS = [
  'decrypted',
  '*.decrypted',
  'receivers',
  '*.receivers',
  'receiver_list',
  '*.receiver_list',
  '*.*.receiver_list',
  'top_oaid_decrypt_response',
  '*.top_oaid_decrypt_response',
  '*.*.top_oaid_decrypt_response',
];

/**
 * The one logger factory. Every object and message passes through the masks, so no call site can
 * leak a phone, address, ID or account by forgetting to mask it.
 */
export function createLogger(opts: { level?: string; destination?: pino.DestinationStream } = {}): Logger {
  const options: LoggerOptions = {
    level: opts.level ?? 'info',
    base: { app: 'xiaoer' },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: {
      log: (obj) => maskDeep(obj) as Record<string, unknown>,
    },
    hooks: {
      logMethod(args, method) {
        const masked = args.map((a) => (typeof a === 'string' ? maskText(a) : a)) as Parameters<typeof method>;
        method.apply(this, masked);
      },
    },
  };
  return opts.destination ? pino(options, opts.destination) : pino(options);
}

/** A logger that writes nothing, for tests and the CLI's quiet mode. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
