/**
 * The profile the staff keep: an ID number given in chat yields the birthday and is kept only masked (the store's
 * files never hold it), a wrong one is refused without echoing it, and every change names who made it.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, type User } from '../../src/accounts/index.js';
import { applyProfile, type BuyerProfileRecord } from '../../src/buyers/index.js';
import { createProfiles } from '../../src/buyers/buyer-profile.js';
import { idCheckCharacter } from '../../src/customers/resident-id.js';
import { fixedClock } from '../../src/shared/time.js';
import { openLowdbStore } from '../../src/storage/index.js';

const FIRST17 = '11010519900520123';
const ID = `${FIRST17}${idCheckCharacter(FIRST17)}`;
const WRONG_CHECK = `${FIRST17}${idCheckCharacter(FIRST17) === '0' ? '1' : '0'}`;
const [XIAOLI, AZHANG] = DEMO_ACCOUNTS as readonly [User, User];
const blank: BuyerProfileRecord = {
  nick: '小丽的衣橱',
  birthday: null,
  birthdaySource: null,
  idNumberMasked: null,
  preferredCourier: null,
  contact: null,
  notes: '',
  updatedAt: null,
  updatedByName: null,
  history: [],
};

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await filesUnder(p)));
    else out.push(p);
  }
  return out;
}

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('buyer profile', () => {
  it('when an ID number from chat is saved, then the store keeps its birth date and the number only masked', async () => {
    dir = await mkdtemp(join(tmpdir(), 'xiaoer-profile-'));
    const store = await openLowdbStore({ dir });
    const profiles = createProfiles({ store, clock: fixedClock('2026-11-23T10:00:00+08:00') });
    const saved = await profiles.save('小丽的衣橱', { idNumber: ID.toLowerCase(), contact: 'phone_only' }, XIAOLI);
    expect(saved).toMatchObject({
      birthday: '1990-05-20',
      birthdaySource: 'id_number',
      idNumberMasked: `110*************${ID.slice(-2)}`,
      contact: 'phone_only',
      updatedByName: '小丽',
    });
    // The form sends the birthday it shows: sent back unchanged, it still comes from the ID number.
    const again = await profiles.save('小丽的衣橱', { birthday: '1990-05-20', notes: '尺码偏大一码' }, XIAOLI);
    expect(again).toMatchObject({ birthdaySource: 'id_number', idNumberMasked: saved.idNumberMasked });
    expect(again.history.at(-1)!.changes.map((c) => c.field)).toEqual(['notes']);
    await store.checkpoint();
    await store.close();
    const files = await filesUnder(dir);
    expect(files.some((f) => f.includes('buyer-profiles'))).toBe(true);
    for (const f of files) expect(await readFile(f, 'utf8'), f).not.toContain(ID.slice(6, 17));
  });

  it('when an ID number fails its check digit, then it is refused by field, without the number in the answer', () => {
    let err: { field?: string; code?: string; message: string } | undefined;
    try {
      applyProfile(blank, { idNumber: WRONG_CHECK });
    } catch (e) {
      err = e as typeof err;
    }
    expect(err).toMatchObject({ field: 'idNumber', code: 'id_number_check_digit' });
    expect(err!.message).toMatch(/校验位/);
    expect(JSON.stringify(err)).not.toContain(FIRST17);
  });

  it('when the birthday typed differs from the one in the ID number, then the save is refused', () => {
    expect(() => applyProfile(blank, { idNumber: ID, birthday: '1990-05-21' })).toThrow(/不一致/);
    expect(() => applyProfile(blank, { birthday: '1990-02-30' })).toThrow(/不是有效的日期/);
    expect(() => applyProfile(blank, { preferredCourier: 'no-such-courier' })).toThrow(/没有这家快递公司/);
  });

  it('when two people change the profile, then the history says who changed which field, oldest first', async () => {
    dir = await mkdtemp(join(tmpdir(), 'xiaoer-profile-'));
    const store = await openLowdbStore({ dir });
    const profiles = createProfiles({ store, clock: fixedClock('2026-11-23T10:00:00+08:00') });
    await profiles.save('爱小丽', { birthday: '1992-03-04', preferredCourier: 'shunfeng' }, XIAOLI);
    const p = await profiles.save(
      '爱小丽',
      { contact: 'chat_only', notes: '只在晚上回消息', birthday: '1992-03-04' },
      AZHANG,
    );
    expect(p.birthdaySource).toBe('staff');
    expect(p.history.map((h) => [h.byName, h.changes.map((c) => c.field)])).toEqual([
      ['小丽', ['birthday', 'preferredCourier']],
      ['阿张', ['contact', 'notes']],
    ]);
    expect(p.history[1]!.changes[0]).toEqual({ field: 'contact', label: '联系方式', before: null, after: 'chat_only' });
    await store.close();
  });
});
