/**
 * 隐私访问记录 (admin): who revealed which order's receiver, when, for what and why, newest first, with filters and a
 * CSV export; and today's decrypt quota (used, calls, what is left). The log never holds the revealed values.
 */
import { api, download } from '../api.js';
import { h, replace } from '../dom.js';
import { shanghaiTime } from '../format.js';
import {
  accessLogHeaders,
  accessOutcomeLabel,
  decryptScenes,
  loadLabels,
  privacyWord as w,
  roleLabel,
  sceneLabel,
} from '../labels.js';
import { errorBox, facts, loading } from '../widgets.js';

function quotaLine(q) {
  if (!q) return null;
  const left =
    q.limit === null ? w('quotaUnknown') : `${w('quotaLeft')} ${Math.max(0, q.limit - q.used)} ${w('quotaItems')}`;
  const calls = q.calls === undefined ? '' : ` · ${w('quotaCalls')} ${q.calls}`;
  return h(
    'p',
    { class: q.exhausted ? 'notice' : 'muted', dataset: { testid: 'decrypt-quota' } },
    `${w('quotaToday')} ${q.used} ${w('quotaItems')}${calls} · ${left}`,
    q.exhausted ? ` · ${w('quotaSpent')}` : '',
  );
}

function recordRow(r) {
  const [at, account, name, role, tid, scene, reason, outcome] = accessLogHeaders();
  return h(
    'li',
    { class: 'task access-record', dataset: { testid: 'access-record', tid: r.tid, scene: r.scene } },
    facts([
      [at, shanghaiTime(r.at, { seconds: true })],
      [name, `${r.displayName}（${account} ${r.username}）`],
      [role, roleLabel(r.role)],
      [tid, h('a', { href: `#/orders/${encodeURIComponent(r.tid)}` }, r.tid)],
      [scene, `${r.scene} ${sceneLabel(r.scene)}`],
      [reason, r.reason],
      [outcome, accessOutcomeLabel(r.outcome)],
    ]),
  );
}

export async function render({ view }) {
  replace(view, h('h1', { tabindex: '-1' }, '隐私访问记录'), loading());
  try {
    await loadLabels();
  } catch (err) {
    replace(view, h('h1', { tabindex: '-1' }, '隐私访问记录'), errorBox(err));
    return;
  }
  const quota = h('div', { 'aria-live': 'polite' });
  const list = h('div', { 'aria-live': 'polite', dataset: { testid: 'access-log' } }, loading());
  const status = h('div', { role: 'status' });
  const input = (name, type = 'text') => h('input', { id: `access-${name}`, name, type, autocomplete: 'off' });
  const from = input('from', 'date');
  const to = input('to', 'date');
  const username = input('username');
  const tid = input('tid');
  const scene = h(
    'select',
    { id: 'access-scene', name: 'scene' },
    h('option', { value: '' }, w('filterAll')),
    decryptScenes().map((code) => h('option', { value: code }, `${code} ${sceneLabel(code)}`)),
  );
  const field = (text, control) => h('label', { class: 'filter', for: control.id }, text, ' ', control);
  const exportButton = h(
    'button',
    { type: 'button', class: 'secondary', dataset: { testid: 'access-export' } },
    w('exportCsv'),
  );
  const form = h(
    'form',
    { class: 'search-form access-filters' },
    field(w('filterFrom'), from),
    field(w('filterTo'), to),
    field(w('filterUser'), username),
    field(w('filterTid'), tid),
    field(w('filterScene'), scene),
    h('button', { type: 'submit' }, w('filterApply')),
    exportButton,
  );
  replace(
    view,
    h('h1', { tabindex: '-1' }, w('accessLogTitle')),
    h('p', { class: 'muted small' }, w('accessLogIntro')),
    quota,
    form,
    status,
    list,
  );

  const query = () => ({
    from: from.value || undefined,
    to: to.value || undefined,
    username: username.value.trim() || undefined,
    tid: tid.value.trim() || undefined,
    scene: scene.value || undefined,
  });

  async function load() {
    try {
      const { records, quota: q } = await api.accessLog(query());
      replace(quota, quotaLine(q));
      replace(
        list,
        records.length
          ? h('ul', { class: 'task-list' }, records.map(recordRow))
          : h('p', { class: 'muted' }, w('empty')),
      );
    } catch (err) {
      replace(
        list,
        errorBox(err, () => void load()),
      );
    }
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void load();
  });
  exportButton.addEventListener('click', async () => {
    replace(status);
    try {
      await download('/api/privacy/access-log/export', query(), 'privacy-access-log.csv');
    } catch (err) {
      replace(status, errorBox(err));
    }
  });
  await load();
}
