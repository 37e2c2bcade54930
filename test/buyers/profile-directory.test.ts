/**
 * A birthday kept on a buyer's profile (typed, or read from the ID number given in chat) is greeted by the 09:00 job;
 * the shop's own directory still answers for buyers no profile gives a birthday, and a profile's date wins over it.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../src/accounts/index.js';
import { profileDirectory } from '../../src/buyers/index.js';
import { createProfiles } from '../../src/buyers/buyer-profile.js';
import { sendBirthdayGreetings } from '../../src/customers/birthday-greetings.js';
import { sandboxBuyerDirectory } from '../../src/customers/index.js';
import { idCheckCharacter } from '../../src/customers/resident-id.js';
import type { MessageRequest } from '../../src/messaging/message-sink.js';
import { fixedClock } from '../../src/shared/time.js';
import { createMemoryStore } from '../../src/storage/index.js';

const first17 = '11010519901123123';

describe('birthdays from the staff profiles', () => {
  it('when profiles hold birthdays for today, then the greeting job greets them and the directory the others', async () => {
    const store = createMemoryStore();
    const clock = fixedClock('2026-11-23T09:00:00+08:00');
    const profiles = createProfiles({ store, clock });
    const xiaoli = DEMO_ACCOUNTS[0]!;
    await profiles.save('聊天给了身份证', { idNumber: first17 + idCheckCharacter(first17) }, xiaoli);
    await profiles.save('生日手填', { birthday: '1999-11-23' }, xiaoli);
    // The directory says another day for this buyer; the staff's profile is newer knowledge.
    await profiles.save('改过生日', { birthday: '2000-11-23' }, xiaoli);
    await profiles.save('只有备注', { notes: '喜欢宽松版' }, xiaoli);
    const fallback = sandboxBuyerDirectory({
      buyers: () => [
        { nick: '改过生日', birthday: '2000-01-01' },
        { nick: '目录里的', birthday: '1995-11-23' },
        { nick: '只有备注', birthday: '1996-11-23' },
      ],
    });
    const sent: MessageRequest[] = [];
    const sink = { enqueue: async (r: MessageRequest) => (sent.push(r), { queued: true }) };
    const run = await sendBirthdayGreetings(
      { directory: profileDirectory({ store, fallback }), sink, store, clock },
      '2026-11-23',
    );
    expect(run.greeted).toBe(5);
    expect(sent.map((r) => r.buyerNick).sort()).toEqual(
      ['只有备注', '改过生日', '生日手填', '目录里的', '聊天给了身份证'].sort(),
    );
    const none = [...profileDirectory({ store }).profiles()];
    expect(none.every((p) => p.idNumber === null)).toBe(true);
    expect(none.map((p) => p.nick).sort()).toEqual(['改过生日', '生日手填', '聊天给了身份证'].sort());
  });
});
