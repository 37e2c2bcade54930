/**
 * A remark written by a person at the console gets a few seconds of the platform, not the patient retry: past the
 * deadline the person is told "queued" and the remark outbox, which lands a pending entry exactly once, does the rest.
 */
import { INTERACTIVE_PATIENCE_MS } from '../platform/index.js';
import type { Landing, LandingOptions } from './platform-append.js';

/**
 * How long a person waits for the platform before their remark is queued instead: the person's patience with the
 * platform (5 s; why, see INTERACTIVE_PATIENCE_MS). Answering "queued" loses nothing: the outbox lands the entry once.
 */
export const INTERACTIVE_DEADLINE_MS = INTERACTIVE_PATIENCE_MS;

export type Unanswered = Extract<Landing, { outcome: 'unreachable' }>;

export type RaceResult =
  | { landing: Landing; late?: undefined }
  /**
   * The deadline passed. `late` is there when a memo overwrite (of `memo` and `flag`) had already been sent: its
   * outcome is unknown until it settles, so the caller keeps the order's lock until then, or a second writer could
   * read the memo before it lands and have its own entry wiped by it.
   */
  | { landing: Unanswered; late?: { outcome: Promise<Landing>; memo: string; flag: number } };

/**
 * Runs `land` for at most `deadlineMs` of the person's time. The platform calls get the same patience, so a ban or
 * backoff longer than it fails them at once. A read still in flight at the deadline is let go: no write follows it
 * (the outbox reads the memo afresh before writing); a write already sent is never abandoned (see `late`).
 */
export async function landWithinDeadline(
  deadlineMs: number,
  land: (opts: Pick<LandingOptions, 'patienceMs' | 'beforeWrite'>) => Promise<Landing>,
): Promise<RaceResult> {
  let passed = false;
  let writing: { memo: string; flag: number } | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const reached = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => {
      passed = true;
      resolve('late');
    }, deadlineMs);
  });
  const landing = land({
    patienceMs: deadlineMs,
    // Called in the same turn as the write is started, so the deadline cannot fall between this check and the write.
    beforeWrite: (memo, flag) => {
      if (passed) return false;
      writing = { memo, flag };
      return true;
    },
  });
  try {
    const first = await Promise.race([landing, reached]);
    if (first !== 'late') return { landing: first };
  } finally {
    clearTimeout(timer);
  }
  const queued: Unanswered = {
    outcome: 'unreachable',
    error: `interactive_deadline: 平台 ${deadlineMs / 1000} 秒内未应答，已排队`,
  };
  if (!writing) {
    // Only a read is out; whatever it brings is dropped (the outbox will read again). Its failure is expected.
    landing.catch(() => undefined);
    return { landing: queued };
  }
  return { landing: queued, late: { outcome: landing, ...writing } };
}
