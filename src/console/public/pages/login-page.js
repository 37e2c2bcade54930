/** 登录: username and password; Enter submits; errors in plain Chinese next to the form. */
import { api } from '../api.js';
import { h, replace } from '../dom.js';
import { refreshHealth } from '../header.js';

const NOTICES = {
  expired: '登录已过期，请重新登录。',
  bye: '你已退出登录。',
};

export function render({ view, query, onLogin }) {
  const username = h('input', {
    id: 'login-username',
    name: 'username',
    autocomplete: 'username',
    autocapitalize: 'none',
    spellcheck: 'false',
    required: true,
    autofocus: true,
    'aria-describedby': 'login-error',
  });
  const password = h('input', {
    id: 'login-password',
    name: 'password',
    type: 'password',
    autocomplete: 'current-password',
    required: true,
    'aria-describedby': 'login-error',
  });
  const error = h('p', { id: 'login-error', class: 'form-error', role: 'alert', 'aria-live': 'assertive' });
  const submit = h('button', { type: 'submit', class: 'primary' }, '登录');
  const notice = NOTICES[query.get('reason')];

  const showError = (message, field) => {
    replace(error, message);
    for (const input of [username, password]) input.removeAttribute('aria-invalid');
    if (field) field.setAttribute('aria-invalid', 'true');
    (field ?? username).focus();
  };

  async function onSubmit(event) {
    event.preventDefault();
    replace(error);
    // Checked here so the message names the empty field instead of the API's generic one.
    if (!username.value.trim()) return showError('请输入用户名', username);
    if (!password.value) return showError('请输入密码', password);
    submit.disabled = true;
    replace(submit, '正在登录…');
    try {
      const session = await api.login(username.value.trim(), password.value);
      onLogin(session);
    } catch (err) {
      password.value = '';
      showError(err.message, err.code === 'bad_credentials' ? password : undefined);
    } finally {
      submit.disabled = false;
      replace(submit, '登录');
    }
  }

  // novalidate: our own Chinese messages, not the browser's bubbles in the browser's language.
  const form = h(
    'form',
    { class: 'login-form', novalidate: true, onsubmit: onSubmit },
    h('h1', {}, '登录小二'),
    notice ? h('p', { class: 'notice', role: 'status' }, notice) : null,
    h('div', { class: 'field' }, h('label', { for: 'login-username' }, '用户名'), username),
    h('div', { class: 'field' }, h('label', { for: 'login-password' }, '密码'), password),
    error,
    submit,
  );
  const demo = h('p', { class: 'demo-accounts muted small' });
  replace(view, h('section', { class: 'login-page' }, form, demo));
  username.focus();
  // The sandbox's demo accounts are public (README); a real shop's accounts are never hinted at.
  void refreshHealth().then((health) => {
    if (health?.platform === 'sandbox') {
      replace(
        demo,
        '示范店账号：xiaoli（客服）、azhang（仓库助理）、xiaozhou（汇款专员）、admin（管理员），密码均为 xiaoer-demo',
      );
    }
  });
}
