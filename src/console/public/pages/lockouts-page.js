/**
 * 登录锁定 (admin): accounts and computers held back by wrong passwords now, and 解锁 for each. An account
 * locked from one computer only (someone guessing there) does not keep its owner out elsewhere; the admin
 * unlocks when a colleague is locked out of their own computer, or on a new one during a storm of guesses.
 */
import { api } from '../api.js';
import { h, replace } from '../dom.js';
import { shanghaiTime } from '../format.js';
import { loadLabels, lockoutScopeLabel } from '../labels.js';
import { errorBox, loading } from '../widgets.js';

export async function render({ view }) {
  const status = h('div', { role: 'status', class: 'task-status', dataset: { testid: 'lockouts-status' } });
  const list = h('div', { 'aria-live': 'polite', dataset: { testid: 'lockout-list' } }, loading());
  replace(
    view,
    h('h1', { tabindex: '-1' }, '登录锁定'),
    h(
      'p',
      { class: 'muted small' },
      '密码输错太多次时，小二会暂时不让这台电脑或这个账号登录。确认是同事本人后，可以在这里解锁。',
    ),
    status,
    list,
  );

  async function load() {
    try {
      const [{ lockouts }] = await Promise.all([api.lockouts(), loadLabels()]);
      replace(
        list,
        lockouts.length
          ? h('ul', { class: 'task-list' }, lockouts.map(row))
          : h('p', { class: 'muted' }, '现在没有被锁定的账号或电脑'),
      );
    } catch (err) {
      replace(
        list,
        errorBox(err, () => void load()),
      );
    }
  }

  function unlockButton(label, target, done) {
    const button = h('button', { type: 'button', class: 'secondary' }, label);
    button.addEventListener('click', async () => {
      button.disabled = true;
      try {
        await api.unlock(target);
        replace(status, h('p', {}, done));
      } catch (err) {
        replace(status, errorBox(err));
      }
      await load();
    });
    return button;
  }

  function row(l) {
    return h(
      'li',
      { class: 'task lockout', dataset: { scope: l.scope, username: l.username ?? '', client: l.client ?? '' } },
      h(
        'div',
        { class: 'order-line' },
        h('strong', {}, l.username ?? l.client),
        h('span', { class: 'muted small' }, lockoutScopeLabel(l.scope)),
        l.username ? unlockButton('解锁账号', { username: l.username }, `已解锁账号 ${l.username}`) : null,
        l.scope === 'client' ? unlockButton('解锁电脑', { client: l.client }, `已解锁电脑 ${l.client}`) : null,
      ),
      h(
        'p',
        { class: 'small' },
        l.client ? `电脑地址 ${l.client} · ` : '',
        `连续输错 ${l.failures} 次 · 锁定到 ${shanghaiTime(l.lockedUntil)}`,
      ),
    );
  }

  await load();
}
