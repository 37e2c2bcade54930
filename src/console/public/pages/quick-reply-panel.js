/**
 * The quick-reply panel: search as staff type (/fh, 发货, fh, words of the text), choose one, answer
 * its prompts, copy the text rendered with the order's real data. Used by 快捷短语 (any order, or
 * none) and by 订单详情 (this order). The search box answers the '/' shortcut.
 */
import { api } from '../api.js';
import { h, replace } from '../dom.js';
import { clearFieldErrors, fieldRow, setFieldError } from '../forms.js';
import { copyButton, errorBox } from '../widgets.js';

const SEARCH_DELAY_MS = 200;

/**
 * @param {{idPrefix: string, tid?: string, askTid?: boolean, initialQuery?: string, onQuery?: (q: string) => void}}
 * opts
 *   tid: render for this order; askTid: show an order-number field (快捷短语 page).
 * @returns {HTMLElement}
 */
export function quickReplyPanel({ idPrefix, tid, askTid = false, initialQuery = '', onQuery }) {
  const search = h('input', {
    id: `${idPrefix}-search`,
    type: 'search',
    name: 'q',
    value: initialQuery,
    autocomplete: 'off',
    spellcheck: 'false',
    placeholder: '快捷键、标题、拼音首字母或内容，如 /fh、发货、fh',
    dataset: { shortcut: 'quick-reply' },
  });
  const tidInput = askTid
    ? h('input', {
        id: `${idPrefix}-tid`,
        name: 'tid',
        inputmode: 'numeric',
        autocomplete: 'off',
        value: tid ?? '',
        placeholder: '可不填',
      })
    : null;
  const results = h('div', { class: 'reply-results', 'aria-live': 'polite', dataset: { testid: 'reply-results' } });
  const chosen = h('div', { class: 'reply-chosen', dataset: { testid: 'reply-chosen' } });
  let hits = [];
  /** The last render that asked for answers: a refused answer is shown under its box there. */
  let asked = null;
  let seq = 0;
  let timer = null;

  async function find() {
    const mine = ++seq;
    const q = search.value.trim();
    onQuery?.(q);
    try {
      const data = await api.quickReplies(q);
      if (mine !== seq) return;
      hits = data.quickReplies;
      replace(
        results,
        hits.length
          ? h(
              'ul',
              { class: 'reply-list' },
              hits.map((hit, i) =>
                h(
                  'li',
                  {},
                  h(
                    'button',
                    {
                      type: 'button',
                      class: 'reply-hit',
                      dataset: { id: hit.id, shortcut: hit.shortcut },
                      onclick: () => void choose(hit),
                    },
                    h('span', { class: 'reply-shortcut' }, hit.shortcut),
                    h('strong', {}, hit.title),
                    h('span', { class: 'muted small' }, hit.category),
                    i === 0 && q ? h('span', { class: 'muted small' }, '（回车选择）') : null,
                    h('span', { class: 'reply-preview small muted' }, hit.preview),
                  ),
                ),
              ),
            )
          : h('p', { class: 'muted' }, `没有找到“${q}”相关的快捷短语`),
      );
    } catch (err) {
      if (mine === seq)
        replace(
          results,
          errorBox(err, () => void find()),
        );
    }
  }

  async function choose(hit, values = {}) {
    const orderTid = tidInput ? tidInput.value.trim() : tid;
    if (tidInput) setFieldError(tidInput, '');
    replace(chosen, h('p', { class: 'loading' }, '正在生成…'));
    let r;
    try {
      r = await api.renderReply(hit.id, { tid: orderTid, values });
    } catch (err) {
      // An answer with a forbidden phrase (好评返现, 加微信…): the boxes again, the refusal and its wording under one.
      if (err.code === 'non_compliant_value' && asked?.hit === hit) {
        showRendered(hit, asked.r, values);
        const box = chosen.querySelector(`[name="${String(err.field ?? '').replace(/^values\./, '')}"]`);
        if (box) {
          setFieldError(box, err.message);
          box.focus();
        } else chosen.querySelector('.form-error')?.replaceChildren(err.message);
        return;
      }
      if (tidInput && (err.code === 'order_not_found' || err.field === 'tid')) {
        setFieldError(tidInput, err.message);
        replace(chosen);
        tidInput.focus();
      } else
        replace(
          chosen,
          errorBox(err, () => void choose(hit, values)),
        );
      return;
    }
    showRendered(hit, r, values);
  }

  function showRendered(hit, r, values) {
    if (r.missingPrompts.length) asked = { hit, r };
    const inputs = r.missingPrompts.map((p) =>
      h('input', { id: `${idPrefix}-v-${p.name}`, name: p.name, autocomplete: 'off', value: values[p.name] ?? '' }),
    );
    const text = h('p', { class: 'reply-text', dataset: { testid: 'reply-text' } }, r.text);
    const formError = h('p', { class: 'form-error', role: 'alert' });
    const promptForm = inputs.length
      ? h(
          'form',
          {
            class: 'reply-prompts',
            novalidate: true,
            onsubmit: (e) => {
              e.preventDefault();
              clearFieldErrors(promptForm);
              const empty = inputs.find((i) => !i.value.trim());
              if (empty) return void (setFieldError(empty, '请填写'), empty.focus());
              const answers = { ...values, ...Object.fromEntries(inputs.map((i) => [i.name, i.value.trim()])) };
              void choose(hit, answers);
            },
          },
          h('p', { class: 'notice small' }, '请先填写以下内容，再复制发给买家'),
          r.missingPrompts.map((p, i) => fieldRow({ label: p.label, control: inputs[i], required: true })),
          formError,
          h('button', { type: 'submit' }, '填好了'),
        )
      : null;
    replace(
      chosen,
      h('div', { class: 'reply-head' }, h('span', { class: 'reply-shortcut' }, r.shortcut), h('strong', {}, r.title)),
      text,
      r.usedFallbacks.length
        ? h(
            'p',
            { class: 'muted small' },
            `没有订单数据，已用默认内容：${r.usedFallbacks.map((p) => p.label).join('、')}`,
          )
        : null,
      promptForm,
      copyButton(() => r.text, { testid: 'copy-reply' }),
    );
    (inputs[0] ?? chosen.querySelector('.copy-button'))?.focus();
  }

  const form = h(
    'form',
    {
      class: 'search-form',
      role: 'search',
      novalidate: true,
      onsubmit: (e) => {
        e.preventDefault();
        clearTimeout(timer);
        // Enter takes the best match, as in the chat workbench.
        if (hits[0]) void choose(hits[0]);
      },
    },
    h('label', { for: search.id, class: 'visually-hidden' }, '搜索快捷短语'),
    search,
    h('button', { type: 'submit', class: 'secondary' }, '选择第一条'),
  );
  search.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void find(), SEARCH_DELAY_MS);
  });

  void find();
  return h(
    'div',
    { class: 'quick-replies' },
    tidInput
      ? fieldRow({ label: '订单号', control: tidInput, hint: '填写后按这个订单的数据生成（收件人、快递单号等）' })
      : null,
    form,
    chosen,
    results,
  );
}
