/**
 * What stays of a handover: the snapshot of its open items when it was pushed, who acknowledged it
 * and when, and the diary notes (交班日记) written for the next shift.
 */
import { randomUUID } from 'node:crypto';
import type { User } from '../accounts/index.js';
import { ValidationError } from '../shared/errors.js';
import { toInstant, type Clock } from '../shared/time.js';
import type { Store } from '../storage/index.js';
import type { ShiftName } from './shifts.js';
import type { OpenItem } from './open-item.js';

export const HANDOVERS = 'handovers';
export const DIARY = 'handover-diary';

export interface Acknowledgement {
  by: string;
  byName: string;
  at: string;
}

export interface HandoverRecord {
  id: string;
  date: string;
  shift: ShiftName;
  builtAt: string;
  items: OpenItem[];
  ack: Acknowledgement | null;
}

export interface DiaryNote {
  id: string;
  date: string;
  shift: ShiftName;
  text: string;
  by: string;
  byName: string;
  at: string;
}

export const handoverId = (date: string, shift: ShiftName) => `${date}:${shift}`;

export function createHandoverRecords(deps: { store: Store; clock: Clock }) {
  const { store, clock } = deps;
  return {
    get: (date: string, shift: ShiftName) => store.get<HandoverRecord>(HANDOVERS, handoverId(date, shift)),
    /** Keeps the latest snapshot of the items; an acknowledgement already given stays. */
    saveSnapshot: (date: string, shift: ShiftName, items: OpenItem[]) =>
      store.transact((tx) => {
        const id = handoverId(date, shift);
        const prev = tx.get<HandoverRecord>(HANDOVERS, id);
        const rec: HandoverRecord = { id, date, shift, builtAt: toInstant(clock.now()), items, ack: prev?.ack ?? null };
        tx.put(HANDOVERS, id, rec);
        return rec;
      }),
    /** The first acknowledgement counts; a second one changes nothing. */
    acknowledge: (date: string, shift: ShiftName, user: User, items: () => OpenItem[]) =>
      store.transact((tx) => {
        const id = handoverId(date, shift);
        const prev = tx.get<HandoverRecord>(HANDOVERS, id);
        if (prev?.ack) return prev;
        const ack = { by: user.username, byName: user.displayName, at: toInstant(clock.now()) };
        const rec: HandoverRecord = prev ? { ...prev, ack } : { id, date, shift, builtAt: ack.at, items: items(), ack };
        tx.put(HANDOVERS, id, rec);
        return rec;
      }),
    async addNote(input: { date: string; shift: ShiftName; text: string }, user: User): Promise<DiaryNote> {
      const text = input.text.trim();
      if (!text) throw new ValidationError({ message: '日记内容不能为空', code: 'field_required', field: 'text' });
      const note: DiaryNote = {
        id: `d-${randomUUID()}`,
        ...input,
        text,
        by: user.username,
        byName: user.displayName,
        at: toInstant(clock.now()),
      };
      await store.transact((tx) => tx.put(DIARY, note.id, note));
      return note;
    },
    notes(date: string, shift: ShiftName): DiaryNote[] {
      const out: DiaryNote[] = [];
      for (const n of store.all<DiaryNote>(DIARY)) if (n.date === date && n.shift === shift) out.push(n);
      return out.sort((a, b) => (a.at < b.at ? -1 : 1));
    },
  };
}

export type HandoverRecords = ReturnType<typeof createHandoverRecords>;
