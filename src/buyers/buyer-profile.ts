/**
 * The profile the staff keep for a buyer (the caller's card): birthday, the resident ID number a buyer gave in chat,
 * preferred courier, how they want to be reached, free notes, and who changed what. The ID number is never stored:
 * only its masked form and the birth date it yields (a birthday greeting needs the date, nobody needs the number
 * again), so neither the store's files nor a log line can leak it.
 */
import type { User } from '../accounts/index.js';
import { birthDateFromIdNumber, isCalendarDate } from '../customers/index.js';
import { COURIERS } from '../logistics/index.js';
import { ValidationError } from '../shared/errors.js';
import { maskIdNumber } from '../shared/mask.js';
import { toInstant, type Clock } from '../shared/time.js';
import type { Store, Transaction } from '../storage/index.js';
import { PROFILE_FIELD_LABELS, type ContactPreference } from './buyer-labels.js';

export const BUYER_PROFILES = 'buyer-profiles';

export type ProfileField = keyof typeof PROFILE_FIELD_LABELS;

export interface ProfileChange {
  at: string;
  by: string;
  byName: string;
  /** Each field changed, its name for people and the values before and after (the ID number masked). */
  changes: { field: ProfileField; label: string; before: string | null; after: string | null }[];
}

export interface BuyerProfileRecord {
  nick: string;
  /** YYYY-MM-DD. */
  birthday: string | null;
  /** Where the birthday came from: typed by staff, or read from the ID number. */
  birthdaySource: 'staff' | 'id_number' | null;
  /** 110*************34: the ID number as kept. */
  idNumberMasked: string | null;
  /** A courier's code (kuaidi100's, as GET /api/labels couriers names them). */
  preferredCourier: string | null;
  contact: ContactPreference | null;
  notes: string;
  updatedAt: string | null;
  updatedByName: string | null;
  /** Oldest first. */
  history: ProfileChange[];
}

/** What a PUT may change; a field left out keeps its value, null clears it. */
export interface ProfileInput {
  birthday?: string | null | undefined;
  idNumber?: string | null | undefined;
  preferredCourier?: string | null | undefined;
  contact?: ContactPreference | null | undefined;
  notes?: string | undefined;
}

const empty = (nick: string): BuyerProfileRecord => ({
  nick,
  birthday: null,
  birthdaySource: null,
  idNumberMasked: null,
  preferredCourier: null,
  contact: null,
  notes: '',
  updatedAt: null,
  updatedByName: null,
  history: [],
});

const ID_REASONS: Record<string, string> = {
  format: '身份证号应为 18 位（最后一位可以是 X），请核对后重新填写',
  check_digit: '身份证号的校验位不对，可能抄错了一位，请核对后重新填写',
  date: '身份证号里的出生日期不是真实的日期，请核对后重新填写',
};

function checkBirthday(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m || !isCalendarDate(+m[1]!, +m[2]!, +m[3]!))
    throw new ValidationError({
      message: `生日“${date}”不是有效的日期，请按 1990-05-20 的格式填写`,
      code: 'birthday_invalid',
      field: 'birthday',
    });
  return date;
}

/** The profile after `input`, validated; the full ID number leaves this function only masked. */
export function applyProfile(p: BuyerProfileRecord, input: ProfileInput): BuyerProfileRecord {
  const next = { ...p, history: p.history };
  if (input.idNumber !== undefined) {
    if (input.idNumber === null || !input.idNumber.trim()) {
      next.idNumberMasked = null;
      if (p.birthdaySource === 'id_number' && input.birthday === undefined) {
        next.birthday = null;
        next.birthdaySource = null;
      }
    } else {
      const id = input.idNumber.trim().toUpperCase();
      const read = birthDateFromIdNumber(id);
      // The number itself is neither in the message nor in params: an error answer is logged.
      if (!read.ok)
        throw new ValidationError({
          message: ID_REASONS[read.reason]!,
          code: `id_number_${read.reason}`,
          field: 'idNumber',
        });
      if (input.birthday && input.birthday !== read.date)
        throw new ValidationError({
          message: `填写的生日 ${input.birthday} 与身份证号里的出生日期 ${read.date} 不一致，请核对`,
          code: 'birthday_mismatch',
          field: 'birthday',
          params: { birthday: input.birthday, fromIdNumber: read.date },
        });
      next.idNumberMasked = maskIdNumber(id);
      next.birthday = read.date;
      next.birthdaySource = 'id_number';
    }
  }
  if (input.birthday !== undefined && !(input.idNumber && input.idNumber.trim())) {
    const birthday = input.birthday === null || !input.birthday.trim() ? null : checkBirthday(input.birthday.trim());
    // The form sends the birthday it shows: the same date again keeps where it came from.
    if (birthday !== next.birthday) {
      next.birthday = birthday;
      next.birthdaySource = birthday ? 'staff' : null;
    }
  }
  if (input.preferredCourier !== undefined) {
    const code = input.preferredCourier?.trim() || null;
    if (code && !COURIERS.some((c) => c.code === code))
      throw new ValidationError({
        message: '没有这家快递公司，请从列表中选择',
        code: 'courier_unknown',
        field: 'preferredCourier',
      });
    next.preferredCourier = code;
  }
  if (input.contact !== undefined) next.contact = input.contact;
  if (input.notes !== undefined) next.notes = input.notes.trim();
  return next;
}

const FIELDS: { field: ProfileField; read: (p: BuyerProfileRecord) => string | null }[] = [
  { field: 'birthday', read: (p) => p.birthday },
  { field: 'idNumber', read: (p) => p.idNumberMasked },
  { field: 'preferredCourier', read: (p) => p.preferredCourier },
  { field: 'contact', read: (p) => p.contact },
  { field: 'notes', read: (p) => p.notes || null },
];

export function createProfiles(deps: { store: Store; clock: Clock }) {
  const { store, clock } = deps;
  /** One profile's change inside a transaction: validated, the ID number masked, a history line naming each field. */
  function record(tx: Transaction, nick: string, input: ProfileInput, user: User): BuyerProfileRecord {
    const before = tx.get<BuyerProfileRecord>(BUYER_PROFILES, nick) ?? empty(nick);
    const after = applyProfile(before, input);
    const changes = FIELDS.filter((f) => f.read(before) !== f.read(after)).map((f) => ({
      field: f.field,
      label: PROFILE_FIELD_LABELS[f.field],
      before: f.read(before),
      after: f.read(after),
    }));
    if (!changes.length) return before;
    const at = toInstant(clock.now());
    const saved: BuyerProfileRecord = {
      ...after,
      updatedAt: at,
      updatedByName: user.displayName,
      history: [...before.history, { at, by: user.username, byName: user.displayName, changes }],
    };
    tx.put(BUYER_PROFILES, nick, saved);
    return saved;
  }
  return {
    get: (nick: string): BuyerProfileRecord | undefined => store.get<BuyerProfileRecord>(BUYER_PROFILES, nick),
    all: () => store.all<BuyerProfileRecord>(BUYER_PROFILES),
    /** Saves the change as `user` (the login), with a line in the history naming each field changed. */
    save(nick: string, input: ProfileInput, user: User): Promise<BuyerProfileRecord> {
      return store.transact((tx) => record(tx, nick, input, user));
    },
    /**
     * Many buyers' changes as `user`, each exactly as `save` makes it, in one transaction (hundreds at once: the
     * sandbox's buyers telling the shop). A change that fails validation is left out and handed back with its error.
     */
    saveMany(
      changes: readonly { nick: string; input: ProfileInput }[],
      user: User,
    ): Promise<{ saved: number; refused: { nick: string; error: ValidationError }[] }> {
      return store.transact((tx) => {
        const refused: { nick: string; error: ValidationError }[] = [];
        let saved = 0;
        for (const c of changes)
          try {
            record(tx, c.nick, c.input, user);
            saved++;
          } catch (err) {
            if (!(err instanceof ValidationError)) throw err;
            refused.push({ nick: c.nick, error: err });
          }
        return { saved, refused };
      });
    },
  };
}

export type Profiles = ReturnType<typeof createProfiles>;
