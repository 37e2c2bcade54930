/**
 * 禁用说法: the phrases no text for a buyer may carry (typed messages, quick replies, templates, review repairs), by
 * category, each with the wording offered instead. The keeper and the admin add the shop's own (who and when come
 * from the login) and remove them; the built-in ones stay. Category names come from GET /api/labels. Anyone can try
 * a sentence against the list before sending it.
 */
import { request } from '../api.js';
import { h, replace } from '../dom.js';
import { clearFieldErrors, fieldRow, setFieldError, showFormError } from '../forms.js';
import { shanghaiTime } from '../format.js';
import { loadLabels } from '../labels.js';
import { errorBox, loading } from '../widgets.js';

export async function render({ view, session }) {
  const canAdd = session.can.includes('POST /api/compliance-phrases');
  const canRemove = session.can.includes('DELETE /api/compliance-phrases/:id');
  const heading = h('h1', { tabindex: '-1' }, '禁用说法');
  replace(view, heading, loading());
  let labels;
  let data;
  try {
    [labels, data] = await Promise.all([loadLabels(), request('GET', '/api/compliance-phrases')]);
  } catch (err) {
    replace(
      view,
      heading,
      errorBox(err, () => void render({ view, session })),
    );
    return;
  }
  const names = labels.complianceCategories ?? {};
  const status = h('p', { class: 'small', role: 'status', dataset: { testid: 'compliance-status' } });
  const list = h('div', { dataset: { testid: 'compliance-list' } });

  function draw() {
    replace(
      list,
      data.categories.map((code) => {
        const phrases = data.phrases.filter((p) => p.category === code);
        return h(
          'section',
          { class: 'card', dataset: { category: code } },
          h('h2', {}, names[code] ?? code),
          h(
            'ul',
            { class: 'compliance-phrases' },
            phrases.map((p) =>
              h(
                'li',
                { dataset: { phrase: p.phrase } },
                h('strong', {}, p.phrase),
                p.suggestion ? h('span', { class: 'muted small' }, ` 建议说：${p.suggestion}`) : null,
                p.source === 'keeper'
                  ? h('span', { class: 'muted small' }, ` ${p.addedBy.displayName} ${shanghaiTime(p.addedAt)} 添加`)
                  : h('span', { class: 'muted small' }, ' 系统自带'),
                p.source === 'keeper' && canRemove
                  ? h('button', { type: 'button', class: 'secondary small', onclick: () => void remove(p) }, '删除')
                  : null,
              ),
            ),
          ),
        );
      }),
    );
  }

  async function reload() {
    data = await request('GET', '/api/compliance-phrases');
    draw();
  }

  async function remove(p) {
    try {
      await request('DELETE', `/api/compliance-phrases/${encodeURIComponent(p.id)}`);
      replace(status, `已删除：${p.phrase}`);
      await reload();
    } catch (err) {
      replace(status, err.message);
    }
  }

  draw();
  replace(view, heading, h('p', { class: 'muted small' }, intro), checkForm(), canAdd ? addForm() : null, status, list);

  function addForm() {
    const phrase = h('input', { id: 'phrase-text', name: 'phrase', maxlength: '30', autocomplete: 'off' });
    const category = h(
      'select',
      { id: 'phrase-category', name: 'category' },
      data.categories.map((code) => h('option', { value: code }, names[code] ?? code)),
    );
    const suggestion = h('input', {
      id: 'phrase-suggestion',
      name: 'suggestion',
      maxlength: '100',
      autocomplete: 'off',
    });
    const error = h('p', { class: 'form-error', role: 'alert' });
    const controls = { phrase, category, suggestion };
    const form = h(
      'form',
      {
        class: 'card compliance-add',
        novalidate: true,
        onsubmit: async (e) => {
          e.preventDefault();
          clearFieldErrors(form);
          replace(error);
          if (!phrase.value.trim()) return void (setFieldError(phrase, '请填写'), phrase.focus());
          try {
            const body = { phrase: phrase.value.trim(), category: category.value };
            if (suggestion.value.trim()) body.suggestion = suggestion.value.trim();
            const r = await request('POST', '/api/compliance-phrases', { body });
            replace(status, `已添加：${r.phrase.phrase}（${names[r.phrase.category] ?? r.phrase.category}）`);
            phrase.value = '';
            suggestion.value = '';
            await reload();
          } catch (err) {
            showFormError(err, controls, error);
          }
        },
      },
      h('h2', {}, '添加店里的禁用说法'),
      fieldRow({ label: '说法', control: phrase, required: true, hint: '如：送运费险。空格、标点、全角字母都拦得住' }),
      fieldRow({ label: '类别', control: category }),
      fieldRow({ label: '建议改成', control: suggestion, hint: '可不填，不填就用这一类的建议说法' }),
      error,
      h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'primary' }, '添加')),
    );
    return form;
  }
}

const intro =
  '发给买家的每一句话（手打的内容、快捷短语、消息模板、中差评关怀）都会对照下面的说法检查，排队等发的消息在发出前还会再查一次。';

/** Anyone can try a sentence before sending it. */
function checkForm() {
  const text = h('textarea', { id: 'compliance-check-text', name: 'text', rows: '2', maxlength: '2000' });
  const result = h('p', { class: 'small', role: 'status', dataset: { testid: 'compliance-check-result' } });
  return h(
    'form',
    {
      class: 'card compliance-check',
      novalidate: true,
      onsubmit: async (e) => {
        e.preventDefault();
        try {
          const r = await request('POST', '/api/compliance-phrases/check', { body: { text: text.value } });
          replace(
            result,
            r.ok
              ? '没有发现禁用说法'
              : r.findings.map((f) => `“${f.phrase}”（${f.categoryLabel}），可以这样说：“${f.suggestion}”`).join('；'),
          );
        } catch (err) {
          replace(result, err.message);
        }
      },
    },
    fieldRow({ label: '发之前查一查', control: text }),
    result,
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'secondary' }, '检查')),
  );
}
