/**
 * 未解答的问题 on 知识库: what colleagues logged when no answer fitted, oldest first. The keeper (and the admin)
 * answers one with an existing entry or a new one; the one who asked is told in 我的任务.
 */
import { request } from '../api.js';
import { h, replace } from '../dom.js';
import { fieldRow } from '../forms.js';
import { shanghaiTime } from '../format.js';
import { errorBox, loading } from '../widgets.js';
import { entryForm } from './knowledge-editor.js';

/**
 * @param {{canAnswer: boolean, labels: object, onAnswered: () => void}} opts
 * @returns {{section: HTMLElement, load: () => Promise<void>}}
 */
export function unansweredSection({ canAnswer, labels, onAnswered }) {
  const section = h(
    'section',
    { class: 'card', dataset: { testid: 'unanswered' } },
    h('h2', {}, '未解答的问题'),
    loading(),
  );

  async function load() {
    let data;
    try {
      data = await request('GET', '/api/knowledge/unanswered', { query: { state: 'open' } });
    } catch (err) {
      replace(
        section,
        h('h2', {}, '未解答的问题'),
        errorBox(err, () => void load()),
      );
      return;
    }
    replace(
      section,
      h('h2', {}, `未解答的问题（${data.questions.length}）`),
      data.questions.length
        ? h('ul', { class: 'task-list' }, data.questions.map(item))
        : h('p', { class: 'muted' }, '没有待回答的问题'),
    );
  }

  function item(q) {
    const slot = h('div', { class: 'answer-slot' });
    const answer = canAnswer
      ? h('button', { type: 'button', class: 'secondary', dataset: { testid: 'answer-question' } }, '回答')
      : null;
    answer?.addEventListener('click', () => void openAnswer(q, slot, answer));
    return h(
      'li',
      { class: 'task', dataset: { id: q.id } },
      h('p', {}, h('strong', {}, q.question)),
      h(
        'div',
        { class: 'order-line small muted' },
        h('span', {}, `${q.askedByName} 记于 ${shanghaiTime(q.askedAt)}`),
        q.tid ? h('a', { href: `#/orders/${q.tid}` }, `订单 ${q.tid}`) : null,
        answer,
      ),
      slot,
    );
  }

  async function openAnswer(q, slot, button) {
    button.disabled = true;
    replace(slot, loading());
    let close;
    try {
      close = await request('GET', '/api/knowledge', { query: { q: q.question } });
    } catch (err) {
      replace(slot, errorBox(err));
      button.disabled = false;
      return;
    }
    const post = (body) => request('POST', `/api/knowledge/unanswered/${encodeURIComponent(q.id)}/answer`, { body });
    const done = () => {
      replace(slot);
      void load();
      onAnswered();
    };
    const cancel = () => {
      replace(slot);
      button.disabled = false;
    };
    // An entry that already answers it, best first; or a new one written here.
    const pick = h(
      'select',
      { id: `pick-${q.id}`, name: 'entryId' },
      h('option', { value: '' }, '写新的回答'),
      close.entries.slice(0, 5).map((e) => h('option', { value: e.id }, e.question)),
    );
    const useExisting = h('button', { type: 'button', class: 'primary' }, '用这条回答');
    const form = entryForm({
      idPrefix: `answer-${q.id}`,
      categories: labels.knowledgeCategories ?? {},
      initial: { question: q.question },
      submitLabel: '保存并通知',
      save: post,
      onDone: done,
      onCancel: cancel,
    });
    const sync = () => {
      useExisting.hidden = !pick.value;
      form.hidden = Boolean(pick.value);
    };
    pick.addEventListener('change', sync);
    useExisting.addEventListener('click', async () => {
      useExisting.disabled = true;
      try {
        await post({ entryId: pick.value });
        done();
      } catch (err) {
        replace(slot, errorBox(err));
      }
    });
    replace(slot, fieldRow({ label: '已有条目', control: pick }), useExisting, form);
    sync();
  }

  return { section, load };
}
