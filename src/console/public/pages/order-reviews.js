/**
 * 中差评 on 订单详情: each neutral/bad review of the order with its state and calls, and what the person on duty does
 * (handbook: phone first, a message only when the buyer does not answer): record a call with its outcome and a note,
 * queue the repair message (its blanks, such as 解决办法, come from the template's preview), mark it solved, or give
 * it up with a note. The service says why an action is refused (no unanswered call yet, outside the repair windows,
 * a blank not filled); the page shows that sentence as it is. State and outcome names come from GET /api/labels.
 */
import { request } from '../api.js';
import { h, replace } from '../dom.js';
import { shanghaiTime } from '../format.js';
import { callOutcomeLabel, callOutcomes, openItemKindLabel } from '../labels.js';
import { fieldRow } from '../forms.js';

const enc = encodeURIComponent;

/** The section, or null when the order has no neutral/bad review; after an action it reads the reviews again. */
export function orderReviews(tid, reviews) {
  if (!reviews?.length) return null;
  const root = h('section', { class: ['card', 'order-reviews'], dataset: { testid: 'order-reviews' } });
  const draw = (list) =>
    replace(
      root,
      h('h2', {}, openItemKindLabel('review')),
      list.map((r) => reviewCard(tid, r, reload)),
    );
  async function reload() {
    const order = await request('GET', `/api/orders/${enc(tid)}`);
    draw(order.reviews ?? []);
  }
  draw(reviews);
  return root;
}

function reviewCard(tid, r, reload) {
  const v = r.review;
  const calls = r.calls.length
    ? h(
        'ul',
        { class: 'review-calls small', dataset: { testid: 'review-calls' } },
        r.calls.map((c) =>
          h('li', {}, `${shanghaiTime(c.at)} ${c.byName} ${callOutcomeLabel(c.outcome)}${c.note ? `：${c.note}` : ''}`),
        ),
      )
    : null;
  return h(
    'article',
    { class: 'review-card', dataset: { testid: 'review-card', state: r.state } },
    h('p', {}, h('strong', { dataset: { testid: 'review-state' } }, r.stateText), ` ${v.itemTitle}`),
    h('p', { class: 'review-content' }, v.content),
    h('p', { class: 'muted small' }, shanghaiTime(v.createdAt)),
    calls,
    r.message ? h('p', { class: 'small' }, `${r.message.byName} ${shanghaiTime(r.message.at)}`) : null,
    r.note ? h('p', { class: 'small' }, `${r.closedByName ?? ''}：${r.note}`) : null,
    r.open ? actions(tid, r, reload) : null,
  );
}

function actions(tid, r, reload) {
  const id = r.id;
  const error = h('p', { class: 'form-error', role: 'alert', dataset: { testid: 'review-error' } });
  const busy = (button, run) => async () => {
    button.disabled = true;
    replace(error);
    try {
      await run();
      await reload();
    } catch (err) {
      replace(error, err.message);
      button.disabled = false;
    }
  };
  const post = (action, body) => request('POST', `/api/reviews/${enc(id)}/${action}`, { body });

  const outcome = h(
    'select',
    { id: `review-outcome-${id}`, name: 'outcome' },
    Object.entries(callOutcomes()).map(([code, name]) => h('option', { value: code }, name)),
  );
  const note = h('input', { id: `review-note-${id}`, name: 'note', autocomplete: 'off', maxlength: '500' });
  const callButton = h('button', { type: 'button', class: 'primary' }, '记录电话');
  callButton.addEventListener(
    'click',
    busy(callButton, () => post('calls', { outcome: outcome.value, note: note.value })),
  );
  const resolveButton = h('button', { type: 'button' }, '标为已解决');
  resolveButton.addEventListener(
    'click',
    busy(resolveButton, () => post('resolve', { note: note.value })),
  );
  const giveUpButton = h('button', { type: 'button' }, '放弃');
  giveUpButton.addEventListener(
    'click',
    busy(giveUpButton, () => post('give-up', { note: note.value })),
  );

  const last = r.calls.at(-1);
  const message = last?.outcome === 'no_answer' && !r.message ? messageForm(tid, r, post, busy) : null;
  return h(
    'div',
    { class: 'review-actions' },
    fieldRow({ label: '电话结果', control: outcome }),
    fieldRow({ label: '备注', control: note }),
    h('div', { class: 'button-row' }, callButton, resolveButton, giveUpButton),
    message,
    error,
  );
}

/** The repair message after an unanswered call: one field per blank of the template, then 发短信. */
function messageForm(tid, r, post, busy) {
  const fields = h('div', { class: 'review-message-fields' });
  const send = h('button', { type: 'button', class: 'primary' }, '发短信');
  let inputs = [];
  const draw = (prompts) => {
    inputs = prompts.map((p) =>
      h('input', { id: `review-v-${r.id}-${p.name}`, name: p.name, autocomplete: 'off', maxlength: '200' }),
    );
    replace(
      fields,
      prompts.map((p, i) => fieldRow({ label: p.label, control: inputs[i], required: true })),
    );
  };
  // A refused message left its blanks on the review; otherwise the template's preview lists them.
  if (r.missingValues.length) draw(r.missingValues);
  else
    request('POST', '/api/messages', { body: { kind: 'review-repair', tid, preview: true } }).then(
      (p) => draw(p.missingPrompts ?? []),
      () => draw([]),
    );
  send.addEventListener(
    'click',
    busy(send, () =>
      post('message', {
        values: Object.fromEntries(inputs.filter((i) => i.value.trim()).map((i) => [i.name, i.value])),
      }),
    ),
  );
  return h(
    'div',
    { class: 'review-message', dataset: { testid: 'review-message' } },
    h('p', { class: 'small' }, '电话没有接通：可以在中差评处理时段内发短信'),
    fields,
    h('div', { class: 'button-row' }, send),
  );
}
