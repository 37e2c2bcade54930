/**
 * A CronDriver fired by hand that keeps node-cron 4's distributed contract: before a fire it asks the task's run
 * coordinator with `<name>:<slot ISO in UTC>` and runs only when told to (node-cron's Runner.runCoordinated).
 * test/scheduler/pg-run-coordinator.test.ts checks the same wiring against node-cron itself.
 */
import type { CronCoordinator, CronDriver } from '../../../src/scheduler/scheduler.js';
import { parseInstant } from '../../../src/shared/time.js';

export function coordinatedCron() {
  const tasks = new Map<string, { fn: (slot?: Date) => Promise<void>; coordinator?: CronCoordinator }>();
  const driver: CronDriver = {
    schedule(_expression, fn, opts) {
      tasks.set(opts.name, { fn, coordinator: opts.coordinator });
      return { stop: () => void tasks.delete(opts.name) };
    },
  };
  return {
    driver,
    /** Fires the slot (a +08:00 instant); true when this driver's task ran it. */
    async fire(name: string, slot: string): Promise<boolean> {
      const task = tasks.get(name);
      if (!task) throw new Error(`no task ${name}`);
      const at = new Date(parseInstant(slot));
      if (task.coordinator && !(await task.coordinator.shouldRun(`${name}:${at.toISOString()}`))) return false;
      await task.fn(at);
      return true;
    },
  };
}
