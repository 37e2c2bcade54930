import { describe, expect, it } from 'vitest';
import { birthdayOf, isBirthdayOn } from '../../src/customers/birthdays.js';
import { sendBirthdayGreetings } from '../../src/customers/birthday-greetings.js';
import type { BuyerDirectory } from '../../src/customers/buyer-directory.js';
import { birthDateFromIdNumber, idCheckCharacter } from '../../src/customers/resident-id.js';
import type { MessageRequest } from '../../src/messaging/message-sink.js';
import { fixedClock } from '../../src/shared/time.js';
import { createMemoryStore } from '../../src/storage/index.js';

/** Builds a valid ID number for a birth date (region 110105, sequence 123). */
const idFor = (birth: string) => {
  const first17 = `110105${birth}123`;
  return first17 + idCheckCharacter(first17);
};

describe('resident ID birthdays', () => {
  it('when the check digit is right, then digits 7–14 give the birth date', () => {
    // GB 11643's published example: 11010519491231002X
    expect(birthDateFromIdNumber('11010519491231002X')).toEqual({ ok: true, date: '1949-12-31' });
    expect(birthDateFromIdNumber('11010519491231002x')).toEqual({ ok: true, date: '1949-12-31' });
    expect(birthDateFromIdNumber(idFor('19900229'.replace('1990', '1992')))).toEqual({ ok: true, date: '1992-02-29' });
  });

  it('when the check digit is wrong, the length is wrong or the date does not exist, then there is no birthday', () => {
    expect(birthDateFromIdNumber('110105194912310021')).toEqual({ ok: false, reason: 'check_digit' });
    expect(birthDateFromIdNumber('11010519491231002')).toEqual({ ok: false, reason: 'format' });
    expect(birthDateFromIdNumber(idFor('19930229'))).toEqual({ ok: false, reason: 'date' });
  });

  it('when a profile holds a birthday, then it is the birthday, saying whether an ID number gave it; a bad date is none', () => {
    expect(birthdayOf({ nick: 'a', birthday: '1988-05-06', source: 'staff' })).toMatchObject({
      birthday: '1988-05-06',
      source: 'profile',
    });
    expect(birthdayOf({ nick: 'b', birthday: '1990-01-01', source: 'id_number' })).toMatchObject({
      birthday: '1990-01-01',
      source: 'id_number',
    });
    expect(birthdayOf({ nick: 'c', birthday: '1990-02-30' })).toEqual({ nick: 'c', birthday: null, source: null });
    expect(birthdayOf({ nick: 'd', birthday: null })).toEqual({ nick: 'd', birthday: null, source: null });
  });

  it('when the birthday is 29 February, then it is greeted on 28 February in common years and on the 29th in leap years', () => {
    expect(isBirthdayOn('1992-02-29', '2027-02-28')).toBe(true);
    expect(isBirthdayOn('1992-02-29', '2028-02-28')).toBe(false);
    expect(isBirthdayOn('1992-02-29', '2028-02-29')).toBe(true);
    expect(isBirthdayOn('1990-02-28', '2027-02-28')).toBe(true);
    expect(isBirthdayOn('1990-03-01', '2027-02-28')).toBe(false);
  });

  it('when the 09:00 job runs twice, then each buyer with a birthday today gets one greeting through the sink', async () => {
    const sent: MessageRequest[] = [];
    const sink = {
      enqueue: async (r: MessageRequest) => {
        sent.push(r);
        return r.buyerNick === 'td买家' ? { queued: false, reason: 'opted_out' } : { queued: true };
      },
    };
    // The profiles as the buyer desk keeps them: a date typed, or the one an ID number gave when it was recorded.
    const directory: BuyerDirectory = {
      profiles: () => [
        { nick: '小红', birthday: '1995-11-23', source: 'staff' },
        { nick: '阿明', birthday: '1988-11-23', source: 'id_number' },
        { nick: '闰年', birthday: '1992-02-29', source: 'id_number' },
        { nick: 'td买家', birthday: '1990-11-23' },
        { nick: '别人', birthday: '1990-11-24' },
      ],
    };
    const store = createMemoryStore();
    const deps = { directory, sink, store, clock: fixedClock('2026-11-23T09:00:00+08:00') };
    const first = await sendBirthdayGreetings(deps, '2026-11-23');
    expect(first).toMatchObject({ greeted: 2, refused: 1, alreadyGreeted: 0 });
    expect(sent.map((r) => [r.kind, r.buyerNick])).toEqual([
      ['birthday', '小红'],
      ['birthday', '阿明'],
      ['birthday', 'td买家'],
    ]);
    const second = await sendBirthdayGreetings(deps, '2026-11-23');
    expect(second).toMatchObject({ greeted: 0, alreadyGreeted: 3 });
    expect(sent).toHaveLength(3);
    const leap = await sendBirthdayGreetings(deps, '2027-02-28');
    expect(leap.greeted).toBe(1);
    expect(sent.at(-1)!.buyerNick).toBe('闰年');
  });
});
