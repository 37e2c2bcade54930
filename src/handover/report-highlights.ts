/**
 * What the report puts first: items new since the last handover, overdue items, and what was done this shift
 * (closed from the handover, by a remark, or on the follow-ups page), oldest first.
 */
import { maskText } from '../shared/mask.js';
import { toInstant } from '../shared/time.js';
import { TASK_TITLES } from '../tasks/index.js';
import type { HandoverSources } from './handover-sources.js';
import type { OpenItem, OpenItemKind } from './open-item.js';

export interface DoneItem {
  key: string;
  kind: OpenItemKind;
  title: string;
  tid: string | null;
  by: string;
  byName: string;
  at: string;
  note: string;
}

export interface Highlights {
  /** Keys not in the last handover's snapshot (without one: opened during this report's window). */
  newKeys: string[];
  overdueKeys: string[];
  done: DoneItem[];
}

/** A trade a remark could not close is the writer's to do by hand: a task, as a hand-off would be. */
export const followKind = (k: string): OpenItemKind =>
  k === 'stuck_parcel' ? 'parcel' : k === 'transfer_chase' ? 'transfer_claim' : k === 'trade_close' ? 'task' : 'review';

export function doneBetween(src: HandoverSources, window: { start: number; end: number }): DoneItem[] {
  const from = toInstant(window.start);
  const to = toInstant(window.end);
  const inWindow = (at: string | null): at is string => !!at && at >= from && at < to;
  const out = new Map<string, DoneItem>();
  for (const s of src.states.all())
    if (s.done && inWindow(s.done.at)) out.set(s.key, { key: s.key, ...s.done, note: maskText(s.done.note) });
  for (const t of src.closedTasks?.(from, to) ?? []) {
    if (out.has(`task:${t.id}`) || !inWindow(t.closedAt)) continue;
    out.set(`task:${t.id}`, {
      key: `task:${t.id}`,
      kind: 'task',
      title: TASK_TITLES[t.type],
      tid: t.tid,
      by: t.closedBy ?? '',
      byName: t.closedByName ?? src.staffName(t.closedBy ?? ''),
      at: t.closedAt,
      note: maskText(t.note ?? (t.closedByEntry ? '已写跟进备注' : '')),
    });
  }
  for (const f of src.followUps.list({})) {
    const key = `follow:${f.id}`;
    if (out.has(key) || !inWindow(f.closedAt)) continue;
    const by = f.closedBy ?? '';
    out.set(key, {
      key,
      kind: followKind(f.kind),
      title: maskText(f.title),
      tid: f.tid,
      by,
      byName: src.staffName(by),
      at: f.closedAt,
      note: maskText(f.note ?? ''),
    });
  }
  return [...out.values()].sort((a, b) => (a.at < b.at ? -1 : 1));
}

export function highlights(
  src: HandoverSources,
  items: OpenItem[],
  window: { start: number; end: number },
  previousKeys: Set<string> | null,
): Highlights {
  const start = toInstant(window.start);
  return {
    newKeys: items.filter((i) => (previousKeys ? !previousKeys.has(i.key) : i.since >= start)).map((i) => i.key),
    overdueKeys: items.filter((i) => i.late).map((i) => i.key),
    done: doneBetween(src, window),
  };
}
