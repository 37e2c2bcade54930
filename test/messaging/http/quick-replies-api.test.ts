/** /api/quick-replies with a real login: search, render for an order, usage per staff. */
import { describe, expect, it } from 'vitest';
import { pinyinInitials } from '../../../src/messaging/quick-replies/index.js';
import { startMessagingApp } from '../support/http-harness.js';
import { templates, UNPAID_TID } from '../support/world.js';

describe('quick replies API', () => {
  it('when q is empty, then every quick reply is listed with its id and shortcut', async () => {
    const h = await startMessagingApp();
    const res = await h.as('xiaoli').get('/quick-replies?q=');
    const count = (await templates()).all.filter((t) => t.purpose === 'quick-reply').length;
    expect(res.body.total).toBe(count);
    expect(
      res.body.quickReplies.every((r: { id: string; shortcut: string }) => r.id && r.shortcut.startsWith('/')),
    ).toBe(true);
  });

  it('when staff search by a shortcut, then that reply comes first; by the pinyin initials of its title, then it is found', async () => {
    const h = await startMessagingApp();
    const set = await templates();
    const courier = set.get('courier')!;
    const byShortcut = await h.as('xiaoli').get(`/quick-replies?q=${encodeURIComponent(courier.meta.shortcut!)}`);
    expect(byShortcut.body.quickReplies[0]).toMatchObject({ id: 'courier', match: 'shortcut' });
    const initials = pinyinInitials(courier.meta.title);
    const byInitials = await h.as('xiaoli').get(`/quick-replies?q=${initials}`);
    expect(byInitials.body.quickReplies.map((r: { id: string }) => r.id)).toContain('courier');
  });

  it('when a reply is rendered for an order, then the text is filled from it, unfilled prompts are listed, and usage is counted per staff', async () => {
    const h = await startMessagingApp();
    const set = await templates();
    // A reply that reads the order and also asks staff something: the render must show both.
    const withPrompt = set.all.find(
      (t) => t.purpose === 'quick-reply' && Object.values(t.meta.variables).some((v) => v.prompt && !v.fallback),
    )!;
    const first = await h.as('xiaoli').post(`/quick-replies/${withPrompt.id}/render`, { tid: UNPAID_TID });
    expect(first.status).toBe(200);
    expect(first.body.id).toBe(withPrompt.id);
    expect(first.body.missingPrompts.length).toBeGreaterThan(0);
    expect(first.body.text).toContain('【请填写：');

    const values = Object.fromEntries(first.body.missingPrompts.map((p: { name: string }) => [p.name, '明天下午']));
    const filled = await h
      .as('xiaoli')
      .post(`/quick-replies/${encodeURIComponent(withPrompt.meta.shortcut!)}/render`, { tid: UNPAID_TID, values });
    expect(filled.body.missingPrompts).toEqual([]);
    expect(filled.body.text).toContain('明天下午');
    expect(filled.body.text).not.toContain('【请填写：');

    await h.as('azhang').post(`/quick-replies/${withPrompt.id}/render`, {});
    const usage = await h.as('admin').get('/quick-replies/usage');
    expect(usage.body.usage).toEqual([
      { username: 'xiaoli', templateId: withPrompt.id, count: 2, lastUsedAt: '2026-11-23T10:00:00.000+08:00' },
      { username: 'azhang', templateId: withPrompt.id, count: 1, lastUsedAt: '2026-11-23T10:00:00.000+08:00' },
    ]);
    expect((await h.as('admin').get('/quick-replies/usage?username=azhang')).body.usage).toHaveLength(1);
  });

  it('when the reply or the order does not exist, or a value names no variable, then 404 and 400 answer', async () => {
    const h = await startMessagingApp();
    expect((await h.as('xiaoli').post('/quick-replies/no-such-reply/render', {})).status).toBe(404);
    expect((await h.as('xiaoli').post('/quick-replies/greeting/render', { tid: '999' })).status).toBe(404);
    const bad = await h.as('xiaoli').post('/quick-replies/greeting/render', { values: { nonsense: 'x' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('values.nonsense');
  });
});

describe('renderQuickReply for the CLI', () => {
  it('when the CLI renders by shortcut as its user, then it gets the same text as the API and the usage counts', async () => {
    const h = await startMessagingApp();
    const set = await templates();
    const greeting = set.get('greeting')!;
    const r = await h.module.service.renderQuickReply(greeting.meta.shortcut!.slice(1), {
      user: { username: 'admin', displayName: '管理员' },
    });
    const api = await h.as('admin').post('/quick-replies/greeting/render', {});
    expect(r.text).toBe(api.body.text);
    expect(h.module.service.quickReplyUsage('admin')).toMatchObject([{ templateId: 'greeting', count: 2 }]);
  });
});
