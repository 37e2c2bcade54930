/** The handover's domain functions: report, Markdown, acknowledge, diary, and the push the jobs make. */
import type { User } from '../accounts/index.js';
import type { Job, JobSettings } from '../scheduler/index.js';
import type { MessageSink } from '../messaging/index.js';
import { shanghaiDate } from '../shared/time.js';
import type { HandoverSources } from './handover-sources.js';
import { buildHandoverReport, currentOpenItems } from './handover-report.js';
import { renderHandoverMarkdown, splitMarkdown } from './handover-markdown.js';
import { createOpenItemActions, type OpenItemClosers } from './open-item-actions.js';
import { SHIFT_TEXT, type ShiftName } from './shifts.js';

/** WeCom's markdown message holds at most 4,096 bytes (DingTalk's more): every push fits the smaller. */
export const ROBOT_MESSAGE_BYTES = 4096;

export function createHandoverService(src: HandoverSources, closers: OpenItemClosers) {
  const items = createOpenItemActions(src, closers);
  const markdown = async (shift: ShiftName, date: string) =>
    renderHandoverMarkdown(await buildHandoverReport(src, shift, date));
  return {
    report: (shift: ShiftName, date: string) => buildHandoverReport(src, shift, date),
    markdown,
    /** The first acknowledgement also hands what is open to the next shift (open-item-actions.ts handOver). */
    async acknowledge(shift: ShiftName, date: string, user: User) {
      const first = !src.records.get(date, shift)?.ack;
      const rec = await src.records.acknowledge(date, shift, user, () => currentOpenItems(src));
      if (first) await items.handOver(shift, date, user);
      return rec;
    },
    items,
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
      const title = `${date} ${SHIFT_TEXT[shift]}交接班`;
      // The robot leads each message with `### title（i/n）` (wecom-robot.ts): the parts leave room for it.
      const parts = splitMarkdown(renderHandoverMarkdown(report), ROBOT_MESSAGE_BYTES - 64);
      if (sink)
        for (const [i, markdown] of parts.entries())
          await sink.notifyStaff({
            title: parts.length > 1 ? `${title}（${i + 1}/${parts.length}）` : title,
            markdown,
          });
      return { openItems: report.openCount, late: report.lateCount, pushed: sink ? parts.length : 0 };
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
