/** Small pieces several pages show the same way. */
import { h } from './dom.js';
import { flagLabel, statusLabel, statusTone } from './format.js';

/** A coloured flag with its name in text, so it reads without colour and to screen readers. */
export function flagMarker(flag) {
  if (!flag) return null;
  return h('span', { class: ['flag', `flag-${flag}`], dataset: { flag: String(flag) } },
    h('span', { class: 'flag-icon', 'aria-hidden': 'true' }),
    flagLabel(flag));
}

export function statusBadge(status) {
  return h('span', { class: ['badge', statusTone(status)], dataset: { status } }, statusLabel(status));
}

export function loading(text = '正在加载…') {
  return h('p', { class: 'loading', role: 'status' }, text);
}

/** An error in plain Chinese where the content would have been, with a way to try again. */
export function errorBox(err, retry) {
  return h('div', { class: 'error-box', role: 'alert' },
    h('p', {}, err?.message || '出错了，请稍后再试'),
    retry ? h('button', { type: 'button', class: 'secondary', onclick: retry }, '重试') : null);
}

/** A label/value list (订单号, 下单时间 ...); rows with an empty value are left out. */
export function facts(rows) {
  return h('dl', { class: 'facts' },
    rows.filter(([, value]) => value !== undefined && value !== null && value !== '')
      .map(([label, value]) => h('div', { class: 'fact' }, h('dt', {}, label), h('dd', {}, value))));
}
