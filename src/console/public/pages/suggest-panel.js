/**
 * 推荐回复 on 订单详情: paste what the buyer just wrote, get the three best answers (knowledge entries and quick
 * replies) for those words and this order's stage, each rendered for the order with a one-click 复制. When none
 * fits, one click logs the question for the keeper (知识库's 未解答 list); the answer comes back in 我的任务.
 */
import { request } from '../api.js';
import { h, replace } from '../dom.js';
import { fieldRow, setFieldError } from '../forms.js';
import { loadLabels } from '../labels.js';
import { copyButton, errorBox } from '../widgets.js';

/** @param {string} tid */
export function suggestPanel(tid) {
  const text = h('textarea', {
    id: 'suggest-text',
    name: 'text',
    rows: '3',
    maxlength: '1000',
    placeholder: '粘贴买家刚发来的话，如：码数偏小能换吗',
  });
  const results = h('div', { class: 'suggestions', 'aria-live': 'polite', dataset: { testid: 'suggestions' } });
  const button = h('button', { type: 'submit', class: 'primary' }, '推荐回复');

  async function suggest(event) {
    event.preventDefault();
    setFieldError(text, '');
    const words = text.value.trim();
    if (!words) {
      setFieldError(text, '请先粘贴买家的话');
      text.focus();
      return;
    }
    button.disabled = true;
    replace(results, h('p', { class: 'loading' }, '正在查找…'));
    try {
      const [data, labels] = await Promise.all([
        request('POST', '/api/suggest', { body: { text: words, tid } }),
        loadLabels(),
      ]);
      show(words, data, labels);
    } catch (err) {
      replace(results, errorBox(err));
    } finally {
      button.disabled = false;
    }
  }

  function show(words, data, labels) {
    const kindName = (k) => labels.suggestionKinds?.[k] ?? k;
    const stage = data.stage ? labels.orderStages?.[data.stage] : null;
    replace(
      results,
      stage ? h('p', { class: 'muted small' }, `按订单${stage}排序`) : null,
      data.suggestions.length
        ? h(
            'ol',
            { class: 'suggestion-list' },
            data.suggestions.map((s, i) =>
              h(
                'li',
                { class: 'suggestion', dataset: { kind: s.kind, id: s.id } },
                h(
                  'div',
                  { class: 'reply-head' },
                  h('span', { class: 'badge' }, kindName(s.kind)),
                  h('strong', {}, s.title),
                ),
                h('p', { class: 'reply-text', dataset: { testid: 'suggestion-text' } }, s.text),
                s.missing.length ? h('p', { class: 'notice small' }, `复制后请补上：${s.missing.join('、')}`) : null,
                copyButton(() => s.text, { testid: `copy-suggestion-${i + 1}` }),
              ),
            ),
          )
        : h('p', { class: 'muted' }, '没有找到合适的回答'),
      unanswered(words),
    );
  }

  function unanswered(words) {
    const status = h('span', { class: 'small', role: 'status', dataset: { testid: 'unanswered-status' } });
    const log = h(
      'button',
      { type: 'button', class: 'secondary', dataset: { testid: 'log-unanswered' } },
      '都不合适，记为未解答',
    );
    log.addEventListener('click', async () => {
      log.disabled = true;
      try {
        await request('POST', '/api/knowledge/unanswered', { body: { question: words, tid } });
        replace(status, '已记下，店长回答后会在“我的任务”里通知你');
      } catch (err) {
        replace(status, err.message);
        log.disabled = false;
      }
    });
    return h('div', { class: 'suggestion-foot' }, log, status);
  }

  return h(
    'section',
    { class: ['card', 'order-suggest'], dataset: { testid: 'order-suggest' } },
    h('h2', {}, '推荐回复'),
    h('form', { novalidate: true, onsubmit: suggest }, fieldRow({ label: '买家的话', control: text }), button),
    results,
  );
}
