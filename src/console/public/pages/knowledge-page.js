/**
 * 知识库: the shop's answers to buyers' questions, searched as buyers write (码数, 褪色, zenme tuihuo, typos), each
 * with 复制; the keeper and the admin add, edit and delete entries (with their history), and answer the questions
 * colleagues logged as 未解答. `?entry=ID` (a notification's link) shows that entry first; `?q=` searches.
 */
import { request } from '../api.js';
import { h, replace } from '../dom.js';
import { loadLabels } from '../labels.js';
import { copyButton, errorBox, loading } from '../widgets.js';
import { entryForm, historyList, saveEntry } from './knowledge-editor.js';
import { unansweredSection } from './knowledge-unanswered.js';

const SEARCH_DELAY_MS = 200;

export async function render({ view, session, query }) {
  const canWrite = session.can.includes('POST /api/knowledge');
  const canAnswer = session.can.includes('POST /api/knowledge/unanswered/:id/answer');
  const heading = h('h1', { tabindex: '-1' }, '知识库');
  replace(view, heading, loading());
  let labels;
  try {
    labels = await loadLabels();
  } catch (err) {
    replace(
      view,
      heading,
      errorBox(err, () => void render({ view, session, query })),
    );
    return;
  }
  const categories = labels.knowledgeCategories ?? {};
  const search = h('input', {
    id: 'knowledge-search',
    type: 'search',
    name: 'q',
    value: query.get('q') ?? '',
    autocomplete: 'off',
    placeholder: '买家怎么问就怎么搜，如：码数偏大吗、褪色（也可以打拼音）',
    dataset: { shortcut: 'search' },
  });
  const status = h('p', { class: 'small', role: 'status', dataset: { testid: 'knowledge-status' } });
  const editor = h('div', { class: 'knowledge-editor' });
  const results = h('div', { 'aria-live': 'polite', dataset: { testid: 'knowledge-results' } });
  const unanswered = unansweredSection({ canAnswer, labels, onAnswered: () => void find() });
  const add = canWrite
    ? h('button', { type: 'button', class: 'secondary', dataset: { testid: 'new-entry' } }, '新增条目')
    : null;
  add?.addEventListener('click', () => openEditor());
  let seq = 0;
  let timer = null;

  function openEditor(entry) {
    replace(
      editor,
      h(
        'section',
        { class: 'card' },
        h('h2', {}, entry ? '修改条目' : '新增条目'),
        entryForm({
          idPrefix: 'entry',
          categories,
          entry,
          save: saveEntry(entry?.id),
          onDone: (saved) => {
            replace(editor);
            replace(status, `已保存：${saved.question}`);
            void find();
          },
          onCancel: () => replace(editor),
        }),
      ),
    );
    editor.querySelector('input')?.focus();
  }

  async function find() {
    const mine = ++seq;
    const q = search.value.trim();
    const first = query.get('entry');
    try {
      const [data, pinned] = await Promise.all([
        request('GET', '/api/knowledge', { query: { q } }),
        first && !q ? request('GET', `/api/knowledge/${encodeURIComponent(first)}`).catch(() => null) : null,
      ]);
      if (mine !== seq) return;
      const list = pinned ? [pinned.entry, ...data.entries.filter((e) => e.id !== first)] : data.entries;
      replace(
        results,
        q ? h('p', { class: 'muted small' }, `找到 ${data.total} 条`) : null,
        list.length
          ? h('ul', { class: 'knowledge-list' }, list.map(card))
          : h('p', { class: 'muted' }, `没有找到“${q}”相关的回答`),
        q ? logQuestion(q) : null,
      );
    } catch (err) {
      if (mine === seq)
        replace(
          results,
          errorBox(err, () => void find()),
        );
    }
  }

  function logQuestion(q) {
    const note = h('span', { class: 'small', role: 'status' });
    const button = h(
      'button',
      { type: 'button', class: 'secondary', dataset: { testid: 'log-unanswered' } },
      '没有合适的回答？记为未解答',
    );
    button.addEventListener('click', async () => {
      button.disabled = true;
      try {
        await request('POST', '/api/knowledge/unanswered', { body: { question: q } });
        replace(note, '已记下，店长回答后会在“我的任务”里通知你');
        void unanswered.load();
      } catch (err) {
        replace(note, err.message);
        button.disabled = false;
      }
    });
    return h('div', { class: 'suggestion-foot' }, button, note);
  }

  function card(e) {
    const history = h('div', { class: 'history-slot' });
    const actions = [copyButton(() => e.answer, { testid: `copy-${e.id}` })];
    if (canWrite) {
      const edit = h('button', { type: 'button', class: 'secondary' }, '修改');
      edit.addEventListener('click', () => openEditor(e));
      const remove = h('button', { type: 'button', class: 'secondary' }, '删除');
      remove.addEventListener('click', async () => {
        if (!window.confirm(`删除“${e.question}”？历史记录会保留。`)) return;
        try {
          await request('DELETE', `/api/knowledge/${encodeURIComponent(e.id)}`);
          replace(status, `已删除：${e.question}`);
          void find();
        } catch (err) {
          replace(status, err.message);
        }
      });
      const past = h('button', { type: 'button', class: 'link-button small' }, '修改记录');
      past.addEventListener('click', async () => {
        try {
          const full = await request('GET', `/api/knowledge/${encodeURIComponent(e.id)}`);
          replace(history, historyList(full.entry, labels));
        } catch (err) {
          replace(history, errorBox(err));
        }
      });
      actions.push(edit, remove, past);
    }
    return h(
      'li',
      { class: ['card', 'knowledge-entry'], dataset: { id: e.id } },
      h(
        'div',
        { class: 'reply-head' },
        h('span', { class: 'badge' }, categories[e.category] ?? e.category),
        h('strong', {}, e.question),
      ),
      h('p', { class: 'reply-text' }, e.answer),
      e.tags.length ? h('p', { class: 'muted small' }, `标签：${e.tags.join('、')}`) : null,
      h('div', { class: 'form-actions' }, actions),
      history,
    );
  }

  search.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void find(), SEARCH_DELAY_MS);
  });
  replace(
    view,
    heading,
    h(
      'form',
      { class: 'search-form', role: 'search', novalidate: true, onsubmit: (ev) => (ev.preventDefault(), void find()) },
      h('label', { for: search.id, class: 'visually-hidden' }, '搜索知识库'),
      search,
      h('button', { type: 'submit', class: 'secondary' }, '搜索'),
      add,
    ),
    status,
    editor,
    results,
    unanswered.section,
  );
  await Promise.all([find(), unanswered.load()]);
  return () => clearTimeout(timer);
}
