/** The robots' 20-a-minute limit: notices beyond it wait for the window and are never dropped. */
import { describe, expect, it, vi } from 'vitest';
import type { RobotChannel, RobotNotice, RobotOutcome } from '../../../src/messaging/outbound/channel-port.js';
import { createRobotQueue } from '../../../src/messaging/channels/robot-queue.js';

/** A clock that only moves when the queue sleeps; each sleep is recorded and may be held open. */
function fakeTime() {
  let now = 0;
  const sleeps: number[] = [];
  let release: (() => void) | null = null;
  let hold = false;
  return {
    now: () => now,
    sleeps,
    holdSleeps(on: boolean) {
      hold = on;
    },
    /** Lets a held sleep finish, moving the clock by its length. */
    releaseSleep() {
      release?.();
    },
    sleep: (ms: number) =>
      new Promise<void>((resolve) => {
        sleeps.push(ms);
        const done = () => {
          now += ms;
          resolve();
        };
        if (hold) release = done;
        else done();
      }),
  };
}

function recordingRobot(time: { now(): number }, answers: (i: number) => RobotOutcome = () => ({ outcome: 'sent' })) {
  const sent: { title: string; at: number }[] = [];
  const robot: RobotChannel = {
    kind: 'dingtalk',
    send: async (n: RobotNotice) => {
      sent.push({ title: n.title, at: time.now() });
      return answers(sent.length - 1);
    },
  };
  return { robot, sent };
}

const flush = () => new Promise((r) => setTimeout(r, 0));
const notices = (n: number) => Array.from({ length: n }, (_, i) => ({ title: `n${i + 1}`, markdown: 'x' }));

describe('robot queue', () => {
  it('when 21 notices are pushed within a minute, then 20 go at once, the 21st waits for the window and then goes', async () => {
    const time = fakeTime();
    time.holdSleeps(true);
    const { robot, sent } = recordingRobot(time);
    const queue = createRobotQueue(robot, { perMinute: 20, now: time.now, sleep: time.sleep });
    const results = notices(21).map((n) => queue.push(n));
    // The queue has hit the limit once it sleeps: the sleep is held, so nothing moves after it.
    await vi.waitFor(() => expect(time.sleeps).not.toHaveLength(0));

    expect(sent.map((s) => s.title)).toEqual(notices(20).map((n) => n.title));
    expect(time.sleeps).toEqual([60_000]);
    let lastSettled = false;
    void results[20]!.then(() => {
      lastSettled = true;
    });
    await flush(); // a turn in which a wrongly settled notice would show
    expect(lastSettled).toBe(false);

    time.releaseSleep();
    const outcomes = await Promise.all(results);
    expect(outcomes.every((o) => o.outcome === 'sent')).toBe(true);
    expect(sent).toHaveLength(21);
    expect(sent[20]).toEqual({ title: 'n21', at: 60_000 });
  });

  it('when notices keep coming, then no rolling minute ever holds more than the limit', async () => {
    const time = fakeTime();
    const { robot, sent } = recordingRobot(time);
    const queue = createRobotQueue(robot, { perMinute: 20, now: time.now, sleep: time.sleep });
    await Promise.all(notices(65).map((n) => queue.push(n)));
    expect(sent).toHaveLength(65);
    for (const s of sent)
      expect(sent.filter((o) => o.at >= s.at && o.at < s.at + 60_000).length).toBeLessThanOrEqual(20);
    expect(sent.map((s) => s.title)).toEqual(notices(65).map((n) => n.title));
  });

  it('when the robot answers "too fast" (someone else shares it), then the notice waits a minute and is sent again, not dropped', async () => {
    const time = fakeTime();
    const { robot, sent } = recordingRobot(time, (i) =>
      i === 0 ? { outcome: 'too_fast', error: 'errcode 130101' } : { outcome: 'sent' },
    );
    const queue = createRobotQueue(robot, { perMinute: 20, now: time.now, sleep: time.sleep });
    expect(await queue.push({ title: 'report', markdown: 'x' })).toEqual({ outcome: 'sent' });
    expect(sent).toEqual([
      { title: 'report', at: 0 },
      { title: 'report', at: 60_000 },
    ]);
  });

  it('when the robot refuses a notice for good, then that notice fails and the next one is still sent', async () => {
    const time = fakeTime();
    const { robot } = recordingRobot(time, (i) =>
      i === 0 ? { outcome: 'failed', error: 'errcode 310000' } : { outcome: 'sent' },
    );
    const queue = createRobotQueue(robot, { perMinute: 20, now: time.now, sleep: time.sleep });
    const [a, b] = await Promise.all([
      queue.push({ title: 'a', markdown: 'x' }),
      queue.push({ title: 'b', markdown: 'x' }),
    ]);
    expect(a).toEqual({ outcome: 'failed', error: 'errcode 310000' });
    expect(b).toEqual({ outcome: 'sent' });
  });
});
