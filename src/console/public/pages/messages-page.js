/**
 * 消息: the outbox (messages waiting for staff to paste into the chat: copy, 标记已发送, 取消; an SMS that found no
 * number to text is here too, with its reason and 已在旺旺发送) and
 * the send log, filtered by state, kind and order (#/messages?state=outbox&kind=…&tid=…); one message
 * (#/messages?id=…, the handover's link); a job's message waiting for a value (待补充) with the form to fill it or
 * close it (message-fill.js); and the buyers who asked for no more messages (退订).
 */
import { api } from '../api.js';
import { h, replace } from '../dom.js';
import { shanghaiTime } from '../format.js';
import { loadLabels, messageKindLabel, messageKinds, messageReasonLabel, messageStateLabel } from '../labels.js';
import { fieldRow, setFieldError } from '../forms.js';
import { hashWith } from '../router.js';
import { copyButton, errorBox, loading } from '../widgets.js';
import { fillForm } from './message-fill.js';

const STATES = ['needs_values', 'outbox', 'queued', 'held', 'failed', 'sent', 'cancelled', 'dropped'];
const MARKABLE = new Set(['outbox', 'held']);
const CANCELLABLE = new Set(['queued', 'held', 'outbox', 'failed']);
const TONES = {
  needs_values: 'tone-unpaid',
  outbox: 'tone-to-ship',
  queued: 'tone-shipped',
  held: 'tone-unpaid',
  failed: 'tone-unpaid',
  sent: 'tone-done',
  cancelled: 'tone-closed',
  dropped: 'tone-closed',
  sending: 'tone-shipped',
};

/**
 * The chat queue: a message meant for SMS that found no number to text (the day's decrypt quota spent, no decryptable
 * phone, the purpose refused). A person sends it in 旺旺 and says so, once; the reason says why it is here.
 */
const chatQueued = (m) => m.state === 'outbox' && m.channel !== 'outbox' && !!m.stateReason;

export async function render({ view, query, navigate }) {
  const filter = { state: query.get('state') ?? 'outbox', kind: query.get('kind') ?? '', tid: query.get('tid') ?? '' };
  const one = query.get('id');
  const go = (next) => navigate(hashWith('/messages', { ...filter, ...next }));
  await loadLabels();

  const state = h(
    'select',
    { id: 'message-state', name: 'state' },
    h('option', { value: 'all', selected: filter.state === 'all' }, '全部状态'),
    STATES.map((s) => h('option', { value: s, selected: s === filter.state }, messageStateLabel(s))),
  );
  const kind = h(
    'select',
    { id: 'message-kind-filter', name: 'kind' },
    h('option', { value: '' }, '全部类型'),
    messageKinds().map((k) => h('option', { value: k, selected: k === filter.kind }, messageKindLabel(k))),
  );
  const tid = h('input', {
    id: 'message-tid',
    type: 'search',
    name: 'tid',
    value: filter.tid,
    inputmode: 'numeric',
    autocomplete: 'off',
    placeholder: '订单号',
    dataset: { shortcut: 'search' },
  });
  state.addEventListener('change', () => go({ state: state.value }));
  kind.addEventListener('change', () => go({ kind: kind.value }));
  const filters = h(
    'form',
    {
      class: 'search-form',
      role: 'search',
      onsubmit: (e) => {
        e.preventDefault();
        go({ tid: tid.value.trim() });
      },
    },
    h('label', { for: 'message-state', class: 'visually-hidden' }, '状态'),
    state,
    h('label', { for: 'message-kind-filter', class: 'visually-hidden' }, '消息类型'),
    kind,
    h('label', { for: 'message-tid', class: 'visually-hidden' }, '订单号'),
    tid,
    h('button', { type: 'submit', class: 'primary' }, '筛选'),
  );
  const status = h('div', { role: 'status', class: 'task-status', dataset: { testid: 'messages-status' } });
  const list = h('div', { 'aria-live': 'polite', dataset: { testid: 'message-list' } }, loading());
  replace(
    view,
    h('h1', { tabindex: '-1' }, '消息'),
    h(
      'div',
      { class: 'detail-grid' },
      h('section', { class: ['card', 'wide'] }, h('h2', {}, '待发消息与发送记录'), filters, status, list),
      optOutSection(),
    ),
  );

  /** Messages a person must finish are named above any other list, with the way to them. */
  async function waitingNote() {
    if (filter.state === 'needs_values' || one) return null;
    const waiting = await api.messages({ state: 'needs_values', limit: 1 });
    if (!waiting.total) return null;
    return h(
      'p',
      { class: 'summary', dataset: { testid: 'needs-values-note' } },
      h(
        'a',
        { href: hashWith('/messages', { state: 'needs_values' }) },
        `${waiting.total} 条消息还缺内容，填好才能发出`,
      ),
    );
  }

  async function load() {
    if (one) return loadOne();
    try {
      const note = await waitingNote();
      const data = await api.messages({
        state: filter.state === 'all' ? undefined : filter.state,
        kind: filter.kind,
        tid: filter.tid,
      });
      replace(
        list,
        note,
        h(
          'p',
          { class: 'summary' },
          data.total
            ? `共 ${data.total} 条${data.total > data.messages.length ? `，显示最新 ${data.messages.length} 条` : ''}`
            : '没有符合条件的消息',
        ),
        data.messages.length ? h('ul', { class: 'task-list' }, data.messages.map(row)) : null,
      );
    } catch (err) {
      replace(
        list,
        errorBox(err, () => void load()),
      );
    }
  }

  async function loadOne() {
    try {
      const { message } = await api.message(one);
      replace(
        list,
        h('p', { class: 'summary' }, h('a', { href: hashWith('/messages', {}) }, '查看全部消息')),
        h('ul', { class: 'task-list' }, row(message)),
      );
    } catch (err) {
      replace(
        list,
        errorBox(err, () => void load()),
      );
    }
  }

  const filled = async (sentence) => {
    replace(status, h('p', {}, sentence));
    await load();
  };

  function act(label, call, done) {
    const b = h('button', { type: 'button', class: 'secondary' }, label);
    b.addEventListener('click', async () => {
      b.disabled = true;
      try {
        await call();
        replace(status, h('p', {}, done));
        await load();
      } catch (err) {
        replace(status, errorBox(err));
        b.disabled = false;
      }
    });
    return b;
  }

  const row = (m) =>
    h(
      'li',
      { class: 'task message', dataset: { id: m.id, state: m.state, kind: m.kind } },
      h(
        'div',
        { class: 'order-line' },
        h('span', { class: ['badge', TONES[m.state] ?? 'tone-closed'] }, messageStateLabel(m.state)),
        h('strong', {}, messageKindLabel(m.kind)),
        m.buyerNick ? h('span', { class: 'buyer-nick' }, m.buyerNick) : null,
        m.tid ? h('a', { href: `#/orders/${m.tid}` }, `订单 ${m.tid}`) : null,
      ),
      chatQueued(m)
        ? h(
            'p',
            { class: 'message-reason', dataset: { testid: 'chat-queue-reason' } },
            `短信未发出：${messageReasonLabel(m.stateReason)}${m.to ? `（买家手机 ${m.to}）` : ''}`,
          )
        : null,
      h('p', { class: 'message-text' }, m.text),
      h(
        'div',
        { class: 'order-line small muted' },
        h(
          'span',
          {},
          m.state === 'sent' && m.sentAt
            ? `${shanghaiTime(m.sentAt)} 已发送${m.sentBy ? `（${m.sentBy}）` : ''}`
            : `计划 ${shanghaiTime(m.dueAt)}`,
        ),
        m.closedBy
          ? h('span', {}, `${m.closedBy.displayName} 关闭${m.closedBy.note ? `：${m.closedBy.note}` : ''}`)
          : null,
        m.filledBy ? h('span', {}, `${m.filledBy.displayName} 填写`) : null,
        m.stateReason && !chatQueued(m)
          ? h('span', { class: 'message-reason' }, messageReasonLabel(m.stateReason))
          : null,
        m.lastError ? h('span', {}, m.lastError) : null,
      ),
      h(
        'div',
        { class: 'order-line' },
        ['outbox', 'held', 'queued'].includes(m.state) ? copyButton(() => m.text, { testid: 'copy-message' }) : null,
        MARKABLE.has(m.state)
          ? chatQueued(m)
            ? act('已在旺旺发送', () => api.messageSent(m.id), '已记下：这条消息已在旺旺发给买家')
            : act('标记已发送', () => api.messageSent(m.id), '已标记为已发送')
          : null,
        CANCELLABLE.has(m.state) ? act('取消', () => api.cancelMessage(m.id), '已取消这条消息') : null,
      ),
      m.state === 'needs_values' ? fillForm(m, filled) : null,
    );

  await load();
}

/** 退订: the buyer asked for no more messages; every waiting message to them is cancelled. */
function optOutSection() {
  const nick = h('input', { id: 'optout-nick', name: 'nick', autocomplete: 'off', placeholder: '买家昵称' });
  const result = h('div', { role: 'status', dataset: { testid: 'optout-result' } });
  const check = h('button', { type: 'button', class: 'secondary' }, '查询');
  const submit = h('button', { type: 'submit', class: 'primary' }, '登记退订');
  const value = () => nick.value.trim();
  const need = () => {
    setFieldError(nick, value() ? '' : '请填写买家昵称');
    if (!value()) nick.focus();
    return !!value();
  };
  check.addEventListener('click', async () => {
    if (!need()) return;
    try {
      const r = await api.optOutStatus(value());
      replace(result, h('p', {}, r.optedOut ? `${r.nick} 已退订，不会再收到消息` : `${r.nick} 没有退订`));
    } catch (err) {
      setFieldError(nick, err.message);
    }
  });
  async function onSubmit(event) {
    event.preventDefault();
    if (!need()) return;
    submit.disabled = true;
    try {
      const r = await api.optOut(value());
      replace(
        result,
        h('p', {}, `已登记 ${r.optOut.nick} 退订${r.cancelled ? `，取消了 ${r.cancelled} 条待发消息` : ''}`),
      );
    } catch (err) {
      setFieldError(nick, err.message);
    } finally {
      submit.disabled = false;
    }
  }
  return h(
    'section',
    { class: 'card', dataset: { testid: 'opt-outs' } },
    h('h2', {}, '退订'),
    h('p', { class: 'muted small' }, '买家回复“退订”或“TD”会自动登记；买家在聊天里要求不再发消息时，在这里登记。'),
    h(
      'form',
      { class: 'task-form', novalidate: true, onsubmit: onSubmit },
      fieldRow({ label: '买家昵称', control: nick, required: true }),
      h('div', { class: 'order-line' }, submit, check),
    ),
    result,
  );
}
