import { pino, type Logger, type LoggerOptions } from 'pino';
import { maskDeep, maskText } from './mask.js';

export type { Logger };

/**
 * The one logger factory. Every object and message passes through the masks, so no call site can
 * leak a phone, address, ID or account by forgetting to mask it.
 */
export function createLogger(opts: { level?: string; destination?: pino.DestinationStream } = {}): Logger {
  const options: LoggerOptions = {
    level: opts.level ?? 'info',
    base: { app: 'xiaoer' },
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
