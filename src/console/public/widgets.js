/** Small pieces several pages show the same way. */
import { h, replace } from './dom.js';
import { flagLabel, statusLabel, statusTone } from './format.js';

/** A coloured flag with its name in text, so it reads without colour and to screen readers. */
export function flagMarker(flag) {
  if (!flag) return null;
  return h(
    'span',
    { class: ['flag', `flag-${flag}`], dataset: { flag: String(flag) } },
    h('span', { class: 'flag-icon', 'aria-hidden': 'true' }),
    flagLabel(flag),
  );
}

export function statusBadge(status) {
  return h('span', { class: ['badge', statusTone(status)], dataset: { status } }, statusLabel(status));
}

export function loading(text = '正在加载…') {
  return h('p', { class: 'loading', role: 'status' }, text);
}

/** An error in plain Chinese where the content would have been, with a way to try again. */
export function errorBox(err, retry) {
  return h(
    'div',
    { class: 'error-box', role: 'alert' },
    h('p', {}, err?.message || '出错了，请稍后再试'),
    retry ? h('button', { type: 'button', class: 'secondary', onclick: retry }, '重试') : null,
  );
}

/** A label/value list (订单号, 下单时间 ...); rows with an empty value are left out. */
export function facts(rows) {
  return h(
    'dl',
    { class: 'facts' },
    rows
      .filter(([, value]) => value !== undefined && value !== null && value !== '')
      .map(([label, value]) => h('div', { class: 'fact' }, h('dt', {}, label), h('dd', {}, value))),
  );
}

/**
 * Copies text to the clipboard in one click and says 已复制. navigator.clipboard needs a secure
 * context and permission; where it is refused (plain http on the shop's network) a hidden textarea
 * and execCommand('copy') still work from the click.
 */
export async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = h('textarea', { class: 'copy-buffer', readonly: true, 'aria-hidden': 'true' });
    area.value = text;
    document.body.append(area);
    area.select();
    let ok;
    try {
      ok = document.execCommand('copy');
    } catch {
      ok = false;
    }
    area.remove();
    return ok;
  }
}

/** A 复制 button for `getText()`; its status line says 已复制 or how to copy by hand. */
export function copyButton(getText, { label = '复制', testid } = {}) {
  const status = h('span', {
    class: 'copy-status small',
    role: 'status',
    dataset: { testid: testid ? `${testid}-status` : 'copy-status' },
  });
  const button = h(
    'button',
    { type: 'button', class: 'primary copy-button', dataset: { testid: testid ?? 'copy' } },
    label,
  );
  button.addEventListener('click', async () => {
    const ok = await copyText(getText());
    replace(status, ok ? '已复制' : '复制失败，请选中文字后按 Ctrl+C');
  });
  return h('span', { class: 'copy' }, button, status);
}
