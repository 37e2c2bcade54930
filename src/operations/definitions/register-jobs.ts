/** The reconciliation and ledger jobs: thin schedules over their ports (see ports.ts). */
import { shanghaiDate, type Clock } from '../../shared/time.js';
import type { Job, JobSettings } from '../../scheduler/index.js';
import type { RefundRegisterExport, TransferChecks } from '../ports.js';

export function transferChecksJob(deps: { checks: TransferChecks }, settings: JobSettings): Job {
  return {
    name: 'transfer-checks',
    ...settings,
    description: 'transfer checks: 3-day rule and duplicate trades',
    async run() {
      const threeDay = await deps.checks.threeDayRule();
      const duplicates = await deps.checks.duplicateTrades();
      const prefixed = (p: string, c: Record<string, number>) =>
        Object.fromEntries(Object.entries(c).map(([k, v]) => [`${p}.${k}`, v]));
      return { ...prefixed('threeDay', threeDay), ...prefixed('duplicates', duplicates) };
    },
  };
}

export function transferRegisterJob(deps: { checks: TransferChecks; clock: Clock }, settings: JobSettings): Job {
  return {
    name: 'transfer-register',
    ...settings,
    description: "the day's transfer register",
    run: (ctx) => deps.checks.dailyRegister(shanghaiDate(ctx?.dueAt ?? deps.clock.now())),
  };
}

export function refundRegisterJob(deps: { refunds: RefundRegisterExport; clock: Clock }, settings: JobSettings): Job {
  return {
    name: 'refund-register',
    ...settings,
    description: "the day's refund register export",
    async run(ctx) {
      const r = await deps.refunds.exportDay(shanghaiDate(ctx?.dueAt ?? deps.clock.now()));
      return { rows: r.rows };
    },
  };
}
