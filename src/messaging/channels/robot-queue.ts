/**
 * Group robots take at most 20 messages a minute; more are refused. Notices are queued, never
 * dropped: a rolling one-minute window of send times decides when the next may go, and a
 * "too fast" answer (another sender shares the robot) waits a full window and tries again.
 * Clock and sleep are injected so the tests run a minute in no time.
 */
import { MINUTE } from '../../shared/time.js';
import type { RobotChannel, RobotNotice, RobotOutcome, RobotQueue } from '../outbound/channel-port.js';

export type { RobotQueue };

export interface RobotQueueOptions {
  perMinute: number;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /** How many "too fast" answers in a row before a notice is given up as failed (default 10). */
  maxTooFast?: number;
}

export function createRobotQueue(robot: RobotChannel, opts: RobotQueueOptions): RobotQueue {
  const queue: { notice: RobotNotice; done: (o: RobotOutcome) => void }[] = [];
  const sentAt: number[] = [];
  let draining = false;

  async function waitForSlot(): Promise<void> {
    for (;;) {
      const now = opts.now();
      while (sentAt.length > 0 && sentAt[0]! <= now - MINUTE) sentAt.shift();
      if (sentAt.length < opts.perMinute) return;
      await opts.sleep(sentAt[0]! + MINUTE - now);
    }
  }

  async function sendOne(notice: RobotNotice): Promise<RobotOutcome> {
    for (let tooFast = 0; ; tooFast++) {
      await waitForSlot();
      sentAt.push(opts.now());
      const outcome = await robot
        .send(notice)
        .catch((err: unknown): RobotOutcome => ({ outcome: 'failed', error: String(err) }));
      if (outcome.outcome !== 'too_fast') return outcome;
      if (tooFast + 1 >= (opts.maxTooFast ?? 10)) return { outcome: 'failed', error: outcome.error };
      await opts.sleep(MINUTE);
    }
  }

  async function drain(): Promise<void> {
    draining = true;
    try {
      while (queue.length > 0) {
        const next = queue.shift()!;
        next.done(await sendOne(next.notice));
      }
    } finally {
      draining = false;
    }
  }

  return {
    push(notice) {
      return new Promise<RobotOutcome>((resolve) => {
        queue.push({ notice, done: resolve });
        if (!draining) void drain();
      });
    },
    waiting: () => queue.length,
  };
}
