/**
 * The actions on any open item, however it is stored: done, reassign, snooze, note. Who acts comes from the login
 * only. Done, reassign and snooze are for the item's owner, the keeper of money or the admin; anyone may add a note.
 * Done also closes the item where it lives (a hand-off task, a follow-up, a message waiting for a value), so the other
 * lists agree.
 */
import type { User } from '../accounts/index.js';
import { rosterOn, shiftOf } from '../roster/index.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../shared/errors.js';
import { DAY, parseInstant, shanghaiDate, startOfShanghaiDay, toInstant } from '../shared/time.js';
import type { HandoverSources } from './handover-sources.js';
import type { OpenItem } from './open-item.js';
import type { OpenItemEvent } from './open-item-state.js';
import { allOpenItems } from './report-open-items.js';
import type { ShiftName } from './shifts.js';

/** Where done items are closed at their source; a kind without a closer is closed in its state only. */
export interface OpenItemClosers {
  task(id: string, user: User, note: string): Promise<unknown>;
  followUp(id: string, user: User, note: string): Promise<unknown>;
  /** A neutral/bad review: done here is 已解决 in the review book, so the order page and the counts agree. */
  review?(id: string, user: User, note: string): Promise<unknown>;
}

const MAX_SNOOZE_DAYS = 30;

export function createOpenItemActions(src: HandoverSources, closers: OpenItemClosers) {
  const find = (key: string): OpenItem => {
    const item = allOpenItems(src).find((i) => i.key === key);
    if (!item)
      throw new NotFoundError({
        message: '没有找到这一项，可能已经办完，请刷新后重试',
        code: 'open_item_not_found',
        params: { key },
      });
    return item;
  };
  const mayAct = (user: User, item: OpenItem) => {
    if (user.username === item.owner || user.username === src.roster().keeper || user.role === 'admin') return;
    throw new ForbiddenError({
      message: `这一项的负责人是${item.ownerName}，只有负责人、汇款负责人或管理员可以处理`,
      code: 'not_item_owner',
      params: { key: item.key, owner: item.owner },
    });
  };
  const event = (user: User, action: OpenItemEvent['action'], note: string, extra: Partial<OpenItemEvent> = {}) => ({
    action,
    by: user.username,
    byName: user.displayName,
    at: toInstant(src.clock.now()),
    note: note.trim(),
    ...extra,
  });
  const refreshed = (key: string) => allOpenItems(src).find((i) => i.key === key) ?? null;

  return {
    find,
    async done(key: string, user: User, note = '') {
      const item = find(key);
      mayAct(user, item);
      const [kind, ...rest] = key.split(':');
      const id = rest.join(':');
      if (kind === 'task') await closers.task(id, user, note.trim());
      if (kind === 'follow') await closers.followUp(id, user, note.trim());
      if (kind === 'review') await closers.review?.(id, user, note.trim());
      if (kind === 'message') await src.messages?.dismissWaiting?.(id, user, note.trim());
      const e = event(user, 'done', note);
      const state = await src.states.update(
        key,
        () => ({
          snoozedUntil: null,
          done: {
            by: e.by,
            byName: e.byName,
            at: e.at,
            note: e.note,
            kind: item.kind,
            title: item.title,
            tid: item.tid,
          },
        }),
        e,
      );
      return { key, done: state.done, item: null };
    },
    async reassign(key: string, user: User, to: string, note: string) {
      const item = find(key);
      mayAct(user, item);
      if (!src.isStaff(to))
        throw new ValidationError({
          message: `没有账号为“${to}”的员工`,
          code: 'unknown_staff',
          field: 'to',
          params: { username: to },
        });
      await src.states.update(key, () => ({ owner: to }), event(user, 'reassign', note, { from: item.owner, to }));
      return { key, item: refreshed(key) };
    },
    async snooze(key: string, user: User, until: string, note = '') {
      const item = find(key);
      mayAct(user, item);
      const now = src.clock.now();
      let at: number;
      try {
        at = parseInstant(until);
      } catch {
        throw new ValidationError({ message: '暂缓到：请写成 2026-11-23 20:00', code: 'invalid_time', field: 'until' });
      }
      if (at <= now || at > now + MAX_SNOOZE_DAYS * DAY)
        throw new ValidationError({
          message: `暂缓到：要在现在之后的 ${MAX_SNOOZE_DAYS} 天以内`,
          code: 'snooze_out_of_range',
          field: 'until',
        });
      const untilText = toInstant(at);
      await src.states.update(
        key,
        () => ({ snoozedUntil: untilText }),
        event(user, 'snooze', note, { until: untilText }),
      );
      return { key, item: refreshed(key) };
    },
    async note(key: string, user: User, note: string) {
      find(key);
      await src.states.update(key, () => ({}), event(user, 'note', note));
      return { key, item: refreshed(key) };
    },
    /**
     * At the handover's acknowledgement the next shift takes what is open: an item whose owner does not work the
     * next shift goes to whoever acknowledged (or, if they do not work it either, the first rostered on it). Money
     * stays with the keeper.
     */
    async handOver(shift: ShiftName, date: string, user: User) {
      const roster = src.roster();
      const next =
        shift === 'day'
          ? { shift: 'night' as const, date }
          : { shift: 'day' as const, date: shanghaiDate(startOfShanghaiDay(date) + DAY + 12 * 3600_000) };
      const onNext = (u: string) => shiftOf(roster, u, next.date) === next.shift;
      const rostered = rosterOn(roster, next.date)[next.shift];
      const taker = onNext(user.username) ? user.username : (rostered[0] ?? user.username);
      const e = event(user, 'handover', '接班');
      const changes = allOpenItems(src)
        .filter((i) => i.ownerRule !== 'keeper' && i.owner !== taker && !onNext(i.owner))
        .map((i) => ({ key: i.key, to: taker, event: { ...e, from: i.owner, to: taker } }));
      if (changes.length) await src.states.reassignMany(changes);
      return changes.length;
    },
  };
}

export type OpenItemActions = ReturnType<typeof createOpenItemActions>;
