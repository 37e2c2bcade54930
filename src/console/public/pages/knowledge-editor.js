/**
 * The keeper's form for one knowledge entry (new or edited): question, answer, category, tags. The service says
 * who wrote it from the login and keeps the words before and after in the entry's history (historyList).
 */
import { request } from '../api.js';
import { h, replace } from '../dom.js';
import { clearFieldErrors, fieldRow, setFieldError, showFormError } from '../forms.js';
import { shanghaiTime } from '../format.js';

/** '尺码, 换码、码数 偏大' → ['尺码', '换码', '码数', '偏大'] */
const splitTags = (text) =>
  text
    .split(/[,，、;；\s]+/)
    .map((t) => t.trim())
    .filter(Boolean);

/**
 * @param {{idPrefix: string, categories: Record<string, string>, entry?: object, initial?: object,
 *   submitLabel?: string, save: (body: object) => Promise<object>, onDone: (saved: object) => void,
 *   onCancel?: () => void}} opts
 *   save: sends the body (POST a new entry, PUT an edit, or answer a logged question) and returns the answer.
 */
export function entryForm({ idPrefix, categories, entry, initial, submitLabel = '保存', save, onDone, onCancel }) {
  const start = entry ?? initial ?? {};
  const question = h('input', {
    id: `${idPrefix}-question`,
    name: 'question',
    maxlength: '200',
    autocomplete: 'off',
    value: start.question ?? '',
  });
  const answer = h('textarea', { id: `${idPrefix}-answer`, name: 'answer', rows: '4', maxlength: '2000' });
  answer.value = start.answer ?? '';
  const category = h(
    'select',
    { id: `${idPrefix}-category`, name: 'category' },
    Object.entries(categories).map(([code, name]) =>
      h('option', { value: code, selected: code === (start.category ?? 'other') }, name),
    ),
  );
  const tags = h('input', {
    id: `${idPrefix}-tags`,
    name: 'tags',
    autocomplete: 'off',
    value: (start.tags ?? []).join('、'),
  });
  const error = h('p', { class: 'form-error', role: 'alert' });
  const submit = h('button', { type: 'submit', class: 'primary' }, submitLabel);
  const controls = { question, answer, category, tags };

  async function onSubmit(event) {
    event.preventDefault();
    clearFieldErrors(form);
    replace(error);
    for (const c of [question, answer])
      if (!c.value.trim()) {
        setFieldError(c, '请填写');
        c.focus();
        return;
      }
    submit.disabled = true;
    try {
      const saved = await save({
        question: question.value.trim(),
        answer: answer.value.trim(),
        category: category.value,
        tags: splitTags(tags.value),
      });
      onDone(saved);
    } catch (err) {
      showFormError(err, controls, error);
      submit.disabled = false;
    }
  }

  const form = h(
    'form',
    { class: 'knowledge-form', novalidate: true, onsubmit: onSubmit },
    fieldRow({ label: '买家的问题', control: question, required: true }),
    fieldRow({ label: '回答', control: answer, required: true }),
    fieldRow({ label: '分类', control: category }),
    fieldRow({ label: '标签', control: tags, hint: '买家常说的词，用顿号或空格隔开，如：码数、偏大' }),
    error,
    h(
      'div',
      { class: 'form-actions' },
      submit,
      onCancel ? h('button', { type: 'button', class: 'secondary', onclick: onCancel }, '取消') : null,
    ),
  );
  return form;
}

/** Saves through the API: a new entry (POST) or an edit of `id` (PUT). */
export const saveEntry = (id) => (body) =>
  id
    ? request('PUT', `/api/knowledge/${encodeURIComponent(id)}`, { body }).then((r) => r.entry)
    : request('POST', '/api/knowledge', { body }).then((r) => r.entry);

/** An entry's history, newest first: when, who, what they did, and the words before and after. */
export function historyList(entry, labels) {
  const action = (a) => labels.knowledgeRevisions?.[a] ?? a;
  const words = (c) => (c ? `${c.question} — ${c.answer}` : '');
  return h(
    'ol',
    { class: 'knowledge-history small', dataset: { testid: 'knowledge-history' } },
    [...entry.history]
      .reverse()
      .map((r) =>
        h(
          'li',
          {},
          h('time', { datetime: r.at }, shanghaiTime(r.at)),
          ` ${r.byName} ${action(r.action)}`,
          r.before && r.after && r.before.answer !== r.after.answer
            ? h('p', { class: 'muted' }, `原来：${r.before.answer}`)
            : null,
          r.after && !r.before ? h('p', { class: 'muted' }, words(r.after)) : null,
        ),
      ),
  );
}
