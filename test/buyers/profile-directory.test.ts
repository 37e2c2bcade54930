/**
 * Birthdays come from the buyers' profiles only (issue 18, part 6): a birthday kept on a profile (typed, or read from
 * the ID number given in chat) is greeted by the 09:00 job. The sandbox's buyers reach the profiles as real buyers
 * do, recorded through the profile service: the ID number checked and kept masked, only its date in full.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../src/accounts/index.js';
import { BUYER_PROFILES, profileDirectory, recordSandboxProfiles, SANDBOX_RECORDER } from '../../src/buyers/index.js';
import { createProfiles } from '../../src/buyers/buyer-profile.js';
import { sendBirthdayGreetings } from '../../src/customers/birthday-greetings.js';
import { idCheckCharacter } from '../../src/customers/resident-id.js';
import type { MessageRequest } from '../../src/messaging/message-sink.js';
import { silentLogger } from '../../src/shared/logger.js';
import { fixedClock } from '../../src/shared/time.js';
import { createMemoryStore } from '../../src/storage/index.js';

const first17 = '11010519901123123';
const validId = first17 + idCheckCharacter(first17);

describe('birthdays from the profiles', () => {
  it('when profiles hold birthdays for today, then the greeting job greets them and nobody else', async () => {
    const store = createMemoryStore();
    const clock = fixedClock('2026-11-23T09:00:00+08:00');
    const profiles = createProfiles({ store, clock });
    const xiaoli = DEMO_ACCOUNTS[0]!;
    await profiles.save('聊天给了身份证', { idNumber: validId }, xiaoli);
    await profiles.save('生日手填', { birthday: '1999-11-23' }, xiaoli);
    await profiles.save('别的日子', { birthday: '2000-01-01' }, xiaoli);
    await profiles.save('只有备注', { notes: '喜欢宽松版' }, xiaoli);
    const sent: MessageRequest[] = [];
    const sink = { enqueue: async (r: MessageRequest) => (sent.push(r), { queued: true }) };
    const run = await sendBirthdayGreetings(
      { directory: profileDirectory({ store }), sink, store, clock },
      '2026-11-23',
    );
    expect(run.greeted).toBe(2);
    expect(sent.map((r) => r.buyerNick).sort()).toEqual(['生日手填', '聊天给了身份证'].sort());
    expect(sent.find((r) => r.buyerNick === '聊天给了身份证')!.reason).toContain('id_number');
    expect(JSON.stringify([...store.all(BUYER_PROFILES)])).not.toContain(validId);
  });
});

describe("the sandbox's buyers tell the shop", () => {
  it('when recorded at start, then each lands on its profile as staff would record it, the ID number masked, once', async () => {
    const store = createMemoryStore();
    const clock = fixedClock('2026-11-23T08:00:00+08:00');
    const profiles = createProfiles({ store, clock });
    // A colleague already recorded this buyer's birthday: the sandbox does not overwrite what the shop knows.
    await profiles.save('已有生日', { birthday: '1985-03-03' }, DEMO_ACCOUNTS[0]!);
    const buyers = [
      { nick: '给了身份证', birthday: null, idNumber: validId },
      { nick: '只给生日', birthday: '1995-11-23', idNumber: null },
      { nick: '号码抄错了', birthday: '1991-06-01', idNumber: '110105199106010000' },
      { nick: '号码错没生日', birthday: null, idNumber: '110105199106010000' },
      { nick: '已有生日', birthday: '1999-09-09', idNumber: null },
      { nick: '什么都没说', birthday: null, idNumber: null },
    ];
    const logged: unknown[] = [];
    const logger = Object.assign(silentLogger(), { warn: (o: unknown) => logged.push(o) });
    const r = await recordSandboxProfiles({ profiles, buyers: () => buyers, logger });
    expect(r).toEqual({ recorded: 3, refused: 1 });
    expect(profiles.get('给了身份证')).toMatchObject({
      birthday: '1990-11-23',
      birthdaySource: 'id_number',
      idNumberMasked: '110*************' + validId.slice(-2),
      updatedByName: SANDBOX_RECORDER.displayName,
    });
    expect(profiles.get('只给生日')).toMatchObject({ birthday: '1995-11-23', birthdaySource: 'staff' });
    expect(profiles.get('号码抄错了')).toMatchObject({ birthday: '1991-06-01', idNumberMasked: null });
    expect(profiles.get('号码错没生日')).toBeUndefined();
    expect(profiles.get('已有生日')!.birthday).toBe('1985-03-03');
    expect(profiles.get('什么都没说')).toBeUndefined();
    expect(JSON.stringify(logged)).toContain('110*************00');
    expect(JSON.stringify([...store.all(BUYER_PROFILES), logged])).not.toMatch(/110105199106010000|110105199011231/);

    const again = await recordSandboxProfiles({ profiles, buyers: () => buyers, logger });
    expect(again.recorded).toBe(0);
    expect(profiles.get('给了身份证')!.history).toHaveLength(1);
  });
});
