/**
 * The remark part of 订单详情: 备注操作 (the kinds that apply to the order's state now, one form at
 * a time) and 备注记录 (the memo read back into entries, lint warnings, and xiaoer's own history,
 * which survives a memo edited by hand). Both re-read after every write: a write can change the
 * state (已打单) and so the kinds that apply.
 */
import { api } from '../api.js';
import { h, replace } from '../dom.js';
import { shanghaiTime } from '../format.js';
import { entryStatusLabel } from '../labels.js';
import { errorBox, flagMarker, loading } from '../widgets.js';
import { closeLine, remarkForm, resultView } from './remark-form.js';

/**
 * @param {{tid: string, initialKind?: string, onWritten: () => Promise<void>|void}} opts
 * @returns {{actions: HTMLElement, history: HTMLElement}}
 */
/**
 * The answer to the last remark written on each order, for two minutes: writing a remark changes the order, and the
 * live stream then redraws the page; the person must still see what became of what she wrote.
 */
const recentResults = new Map();
const RESULT_KEPT_MS = 120_000;

export function orderRemarks({ tid, initialKind, onWritten }) {
  const actions = h(
    'section',
    { class: ['card', 'remark-actions'], dataset: { testid: 'remark-actions' } },
    h('h2', {}, '备注操作'),
    loading(),
  );
  const history = h(
    'section',
    { class: ['card', 'remark-history'], dataset: { testid: 'remark-history' } },
    h('h2', {}, '备注记录'),
    loading(),
  );
  let titles = {};
  // The history names each entry's kind by its title, which comes with the kinds: it waits for them (once loaded or
  // failed), or an entry drawn first would show the kind's id.
  let titlesLoaded;
  const titlesReady = new Promise((resolve) => (titlesLoaded = resolve));
  const kindTitle = (kind) => titles[kind] ?? '其他备注';
  let chosen = initialKind ?? '';
  const kept = recentResults.get(tid);
  let lastResult = kept && Date.now() - kept.at < RESULT_KEPT_MS ? kept.result : null;
  // After a write the form is redrawn; focus goes to the result so the keyboard user hears it.
  let focusResult = false;

  async function loadActions() {
    let view;
    try {
      view = await api.remarkKinds(tid);
    } catch (err) {
      titlesLoaded();
      replace(
        actions,
        h('h2', {}, '备注操作'),
        errorBox(err, () => void loadActions()),
      );
      return;
    }
    titles = view.titles ?? {};
    titlesLoaded();
    if (!view.kinds.some((k) => k.id === chosen)) chosen = '';
    const select = h(
      'select',
      { id: 'remark-kind', name: 'kind' },
      h('option', { value: '' }, `选择备注类型（${view.kinds.length} 种）`),
      view.kinds.map((k) => h('option', { value: k.id, selected: k.id === chosen }, k.title)),
    );
    const slot = h('div', { class: 'remark-form-slot' });
    const showForm = () => {
      chosen = select.value;
      const kind = view.kinds.find((k) => k.id === chosen);
      replace(slot, kind ? remarkForm({ tid, kind, onWritten: written }) : null);
    };
    select.addEventListener('change', () => {
      lastResult = null;
      recentResults.delete(tid);
      showForm();
    });
    replace(
      actions,
      h('h2', {}, '备注操作'),
      h(
        'p',
        { class: 'small', dataset: { testid: 'remark-state', state: view.state } },
        `订单状态：${view.stateLabel}，可写以下备注`,
      ),
      h('div', { class: 'field' }, h('label', { for: 'remark-kind' }, '备注类型'), select),
      slot,
      lastResult
        ? h(
            'div',
            { class: 'remark-result', role: 'status', tabindex: '-1', dataset: { testid: 'remark-result' } },
            resultView(lastResult),
          )
        : null,
    );
    showForm();
    if (focusResult) actions.querySelector('.remark-result')?.focus();
    focusResult = false;
  }

  async function written(result) {
    lastResult = result;
    recentResults.set(tid, { result, at: Date.now() });
    focusResult = true;
    await Promise.all([onWritten(), loadHistory(), loadActions()]);
  }

  async function loadHistory() {
    let data;
    try {
      [data] = await Promise.all([api.remarks(tid), titlesReady]);
    } catch (err) {
      replace(
        history,
        h('h2', {}, '备注记录'),
        errorBox(err, () => void loadHistory()),
      );
      return;
    }
    const lintByEntry = new Map();
    for (const l of data.lint) lintByEntry.set(l.entryIndex, [...(lintByEntry.get(l.entryIndex) ?? []), l.message]);
    replace(
      history,
      h('h2', {}, '备注记录'),
      data.pending ? h('p', { class: 'notice' }, `${data.pending} 条备注正在排队写入平台`) : null,
      h('h3', {}, '当前备注逐条解读'),
      data.memo.entries.length
        ? h(
            'ol',
            { class: 'memo-entries' },
            data.memo.entries.map((e) => memoEntry(e, lintByEntry.get(e.index))),
          )
        : h('p', { class: 'muted' }, '备注为空'),
      data.lint.length
        ? h(
            'p',
            { class: 'lint-summary small', dataset: { testid: 'lint-count' } },
            `${data.lint.length} 处不符合备注规范`,
          )
        : null,
      h('h3', {}, '小二写过的备注'),
      data.history.length
        ? h('ol', { class: 'history-list', reversed: true }, [...data.history].reverse().map(historyEntry))
        : h('p', { class: 'muted' }, '小二还没有在这个订单上写过备注'),
    );
  }

  const memoEntry = (e, warnings) =>
    h(
      'li',
      { class: ['memo-entry', warnings ? 'has-lint' : null], dataset: { kind: e.kind ?? '' } },
      h('span', { class: 'entry-raw' }, e.raw),
      h(
        'span',
        { class: 'muted small' },
        e.kind
          ? ` · ${kindTitle(e.kind)}${e.staff ? ` · ${e.staff}` : ''}${e.date ? ` ${e.date}` : ''}`
          : ' · 手写/未识别',
      ),
      warnings
        ? h(
            'ul',
            { class: 'lint' },
            warnings.map((w) => h('li', {}, `⚠ ${w}`)),
          )
        : null,
    );

  const historyEntry = (e) =>
    h(
      'li',
      { class: 'history-entry', dataset: { status: e.status } },
      h(
        'div',
        { class: 'order-line small muted' },
        h('time', { datetime: e.at }, shanghaiTime(e.at)),
        h('span', {}, e.staff),
        h('span', {}, kindTitle(e.kind)),
        h('span', { class: ['badge', `entry-${e.status}`] }, entryStatusLabel(e.status)),
        e.flag ? flagMarker(e.flag) : null,
      ),
      h('p', { class: 'entry-raw' }, e.text),
      e.close ? closeLine(e.close) : null,
    );

  void loadActions();
  void loadHistory();
  return { actions, history };
}
