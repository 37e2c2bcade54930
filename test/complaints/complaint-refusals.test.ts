/** A complaint refused for a choice not on the list names the choices as the console shows them, from complaint.ts. */
import { describe, expect, it } from 'vitest';
import { CATEGORY_TEXT, CHANNEL_TEXT, SATISFACTION_TEXT } from '../../src/complaints/index.js';
import { startOpsHttp, startOpsRig } from '../operations/support/ops-rig.js';

describe('complaint refusals over HTTP', () => {
  it('when a channel, category or satisfaction level is not one of the list, then the message lists the Chinese names', async () => {
    const { as } = await startOpsHttp(await startOpsRig({ now: '2026-11-23T10:00:00+08:00' }));
    const bad = await as('xiaoli').post('/complaints', {
      buyerNick: '买家甲',
      channel: 'fax',
      category: 'quality',
      content: '包装破了',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({
      field: 'channel',
      message: `投诉渠道只能是：${Object.values(CHANNEL_TEXT).join('、')}`,
    });
    const category = await as('xiaoli').post('/complaints', {
      buyerNick: '买家甲',
      channel: 'phone',
      category: 'nope',
      content: '包装破了',
    });
    expect(category.body.error.message).toBe(`投诉类别只能是：${Object.values(CATEGORY_TEXT).join('、')}`);
    const level = await as('xiaoli').post('/complaints/C-none/satisfaction', { level: 'so-so' });
    expect(level.body.error).toMatchObject({
      code: 'field_not_allowed',
      message: `满意度只能是：${Object.values(SATISFACTION_TEXT).join('、')}`,
    });
  });
});
