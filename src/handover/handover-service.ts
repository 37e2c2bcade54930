/** The handover's domain functions: report, Markdown, acknowledge, diary, and the push the jobs make. */
import type { User } from '../accounts/index.js';
import type { Job, JobSettings } from '../scheduler/index.js';
import type { MessageSink } from '../messaging/index.js';
import { shanghaiDate } from '../shared/time.js';
import type { HandoverSources } from './handover-sources.js';
import { buildHandoverReport, currentOpenItems } from './handover-report.js';
import { renderHandoverMarkdown } from './handover-markdown.js';
import { SHIFT_TEXT, type ShiftName } from './shifts.js';

export function createHandoverService(src: HandoverSources) {
  const markdown = async (shift: ShiftName, date: string) =>
    renderHandoverMarkdown(await buildHandoverReport(src, shift, date));
  return {
    report: (shift: ShiftName, date: string) => buildHandoverReport(src, shift, date),
    markdown,
    acknowledge: (shift: ShiftName, date: string, user: User) =>
      src.records.acknowledge(date, shift, user, () => currentOpenItems(src)),
    addNote: (input: { shift: ShiftName; date: string; text: string }, user: User) => src.records.addNote(input, user),
    /**
     * Keeps the snapshot of open items (carried over while unacknowledged) and pushes the Markdown to the staff robot.
     */
    async push(shift: ShiftName, date: string, sink: Pick<MessageSink, 'notifyStaff'> | null) {
      const report = await buildHandoverReport(src, shift, date);
      await src.records.saveSnapshot(
        date,
        shift,
        report.openItems.flatMap((g) => g.items),
      );
      if (sink)
        await sink.notifyStaff({
          title: `${date} ${SHIFT_TEXT[shift]}交接班`,
          markdown: renderHandoverMarkdown(report),
        });
      return { openItems: report.openCount, late: report.lateCount, pushed: sink ? 1 : 0 };
    },
  };
}

export type HandoverService = ReturnType<typeof createHandoverService>;

export function handoverJob(
  deps: { handover: HandoverService; sink: Pick<MessageSink, 'notifyStaff'> | null; clock: { now(): number } },
  shift: ShiftName,
  settings: JobSettings,
): Job {
  return {
    name: shift === 'day' ? 'handover-day' : 'handover-night',
    ...settings,
    description: shift === 'day' ? 'day → night handover report' : 'night → next day handover report',
    // A catch-up after midnight still reports the shift that was due (23:00 yesterday).
    run: (ctx) => deps.handover.push(shift, shanghaiDate(ctx?.dueAt ?? deps.clock.now()), deps.sink),
  };
}
