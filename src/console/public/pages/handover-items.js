/**
 * 交接班's open items: counts per owner first, each owner's items collapsed under one line (the viewer's own group
 * first), and on every item 完成 / 转交 / 暂缓 / 备注 (POST /api/open-items/:key/…). 完成 is one click; the other three
 * are behind 更多 and open a one-line form under the item. Who may do what is the service's rule (owner, keeper,
 * admin): the buttons follow it so nobody is offered a refusal, and the service checks again.
 */
import { api } from '../api.js';
import { h, replace } from '../dom.js';
import { ageText, shanghaiTime } from '../format.js';
import { openItemKindLabel } from '../labels.js';
import { errorBox } from '../widgets.js';

/**
 * @typedef {{me: string, keeper: string, isAdmin: boolean, reload: (actedOn?: string) => void,
 *   staff: {username: string, displayName: string}[]}} Actor
 */

const mayAct = (actor, item) => actor.isAdmin || actor.me === item.owner || actor.me === actor.keeper;
const groupId = (owner) => `owner-${owner}`;

/** 'YYYY-MM-DDTHH:MM' in shop time, for a datetime-local input's default (tomorrow 09:00). */
function tomorrowNine(now = Date.now()) {
  const d = new Date(now + 8 * 3600_000 + 86_400_000);
  return `${d.toISOString().slice(0, 10)}T09:00`;
}

function actionForm(item, action, actor, slot) {
  const note = h('input', { name: 'note', autocomplete: 'off', maxlength: '500', placeholder: '备注（写明原因）' });
  const fields = [];
  let body;
  if (action === 'reassign') {
    const to = h(
      'select',
      { name: 'to', 'aria-label': '交给' },
      actor.staff
        .filter((s) => s.username !== item.owner)
        .map((s) => h('option', { value: s.username }, s.displayName)),
    );
    fields.push(to);
    body = () => ({ to: to.value, note: note.value.trim() });
  } else if (action === 'snooze') {
    const until = h('input', { type: 'datetime-local', name: 'until', 'aria-label': '暂缓到', value: tomorrowNine() });
    fields.push(until);
    body = () => ({ until: until.value, ...(note.value.trim() ? { note: note.value.trim() } : {}) });
  } else body = () => ({ note: note.value.trim() });
  const message = h('div', { role: 'alert' });
  const submit = h('button', { type: 'submit', class: 'primary' }, '确定');
  const form = h(
    'form',
    {
      class: 'item-form',
      novalidate: true,
      onsubmit: async (event) => {
        event.preventDefault();
        submit.disabled = true;
        try {
          await api.openItemAction(item.key, action, body());
          actor.reload(item.key);
        } catch (err) {
          replace(message, errorBox(err));
          submit.disabled = false;
        }
      },
    },
    ...fields,
    note,
    submit,
    h('button', { type: 'button', onclick: () => replace(slot) }, '取消'),
    message,
  );
  replace(slot, form);
  (fields[0] ?? note).focus();
}

/**
 * An item's buttons and what opens under it. 完成 is one click; 转交 / 暂缓 / 备注 sit behind 更多 (two clicks), so a
 * row at 400 px is one line of buttons beside the order's links instead of a row of four.
 */
function actions(item, actor) {
  const slot = h('div', { class: 'item-slot' });
  const message = h('div', { role: 'alert' });
  const open = (action, label) =>
    h('button', { type: 'button', dataset: { action }, onclick: () => actionForm(item, action, actor, slot) }, label);
  if (!mayAct(actor, item)) return { buttons: [open('note', '备注')], below: [slot, message] };
  const done = h('button', { type: 'button', class: 'primary', dataset: { action: 'done' } }, '完成');
  done.addEventListener('click', async () => {
    done.disabled = true;
    try {
      await api.openItemAction(item.key, 'done', {});
      actor.reload(item.key);
    } catch (err) {
      replace(message, errorBox(err));
      done.disabled = false;
    }
  });
  const menu = h(
    'div',
    { class: 'item-actions', hidden: true, dataset: { testid: 'item-more' } },
    open('reassign', '转交'),
    open('snooze', '暂缓'),
    open('note', '备注'),
  );
  const more = h('button', { type: 'button', dataset: { action: 'more' }, 'aria-expanded': 'false' }, '更多');
  more.addEventListener('click', () => showMore(more, menu.hidden));
  return { buttons: [done, more], below: [menu, slot, message] };
}

function showMore(more, shown) {
  const menu = more.closest('.handover-item')?.querySelector('[data-testid="item-more"]');
  if (!menu) return;
  menu.hidden = !shown;
  more.setAttribute('aria-expanded', String(shown));
}

/** Where an item's 更多 is open: its section and its key, so a redraw can open the same one again. */
const menuPlace = (item) => `${item.parentElement?.closest('[data-testid]')?.dataset.testid ?? ''} ${item.dataset.key}`;

/** The 更多 open on the page, but the one of the item `except` (just acted on: its menu closes). */
export function openMenus(view, except) {
  return new Set(
    [...view.querySelectorAll('.handover-item[data-key]')]
      .filter((i) => i.dataset.key !== except && i.querySelector('button[data-action="more"][aria-expanded="true"]'))
      .map(menuPlace),
  );
}

export function reopenMenus(view, places) {
  for (const item of view.querySelectorAll('.handover-item[data-key]'))
    if (places.has(menuPlace(item))) {
      const more = item.querySelector('button[data-action="more"]');
      if (more) showMore(more, true);
    }
}

export function itemRow(item, actor, { withOwner = false } = {}) {
  const acts = actor ? actions(item, actor) : { buttons: [], below: [] };
  return h(
    'li',
    {
      class: ['handover-item', item.late ? 'late-item' : null],
      dataset: { kind: item.kind, late: String(item.late), key: item.key, owner: item.owner },
    },
    h(
      'div',
      { class: 'order-line' },
      h('span', { class: ['badge', item.late ? 'tone-unpaid' : 'tone-to-ship'] }, openItemKindLabel(item.kind)),
      h('strong', {}, item.title),
      h(
        'span',
        { class: item.late ? 'late small' : 'muted small' },
        `${item.late ? '已超时，' : ''}已 ${ageText(item.ageHours * 60)}`,
      ),
    ),
    item.detail ? h('p', { class: 'small item-detail' }, item.detail) : null,
    h(
      'div',
      { class: 'order-line item-meta small muted' },
      withOwner ? h('span', {}, `负责人 ${item.ownerName || '接班同事'}`) : null,
      item.tid ? h('a', { href: `#/orders/${item.tid}` }, `订单 ${item.tid}`) : null,
      item.buyerNick ? h('a', { href: `#/buyers/${encodeURIComponent(item.buyerNick)}` }, item.buyerNick) : null,
      // A message is finished on 消息 (filled and sent, or closed): the item links to that one message.
      item.kind === 'message'
        ? h('a', { href: `#/messages?id=${encodeURIComponent(item.key.slice('message:'.length))}` }, '打开消息')
        : null,
      h('time', { datetime: item.since }, `自 ${shanghaiTime(item.since)}`),
      item.snoozedUntil ? h('span', {}, `暂缓到 ${shanghaiTime(item.snoozedUntil)}`) : null,
      acts.buttons.length ? h('span', { class: 'item-buttons' }, acts.buttons) : null,
    ),
    item.lastNote ? h('p', { class: 'small muted item-detail' }, `备注：${item.lastNote}`) : null,
    acts.below,
  );
}

/** The first thing on the page: how many items each owner has, each a link to the owner's group. */
export function ownerCounts(report) {
  return h(
    'nav',
    { class: 'owner-counts', 'aria-label': '各负责人的待处理事项', dataset: { testid: 'handover-owners' } },
    report.openItems.length
      ? report.openItems.map((g) =>
          // A button, not a #link: the hash is the console's router's. It opens the owner's group and goes to it.
          h(
            'button',
            {
              type: 'button',
              class: ['owner-count', g.lateCount ? 'late' : null],
              dataset: { owner: g.owner },
              onclick: () => {
                const group = document.getElementById(groupId(g.owner));
                if (!group) return;
                group.open = true;
                group.scrollIntoView({ block: 'start' });
              },
            },
            `${g.ownerName} ${g.count}${g.lateCount ? `（超时 ${g.lateCount}）` : ''}`,
          ),
        )
      : h('span', { class: 'muted' }, '没有待处理的事项'),
  );
}

const fold = (testid, title, count, children, open = false) =>
  h(
    'details',
    { class: ['card', 'wide', 'fold'], open, dataset: { testid } },
    h('summary', {}, `${title}（${count}）`),
    children,
  );

/** 超时, 上次交接后新增, 本班已完成: collapsed, each with its count. */
export function highlightSections(report, actor) {
  const byKey = new Map(report.openItems.flatMap((g) => g.items).map((i) => [i.key, i]));
  const pick = (keys) => keys.map((k) => byKey.get(k)).filter(Boolean);
  const list = (items) =>
    items.length
      ? h(
          'ul',
          { class: 'task-list' },
          items.map((i) => itemRow(i, actor, { withOwner: true })),
        )
      : h('p', { class: 'muted' }, '无');
  const overdue = pick(report.highlights.overdueKeys);
  const fresh = pick(report.highlights.newKeys);
  const done = report.highlights.done;
  return [
    fold('handover-overdue', '超时', overdue.length, list(overdue)),
    fold('handover-new', '上次交接后新增', fresh.length, list(fresh)),
    fold(
      'handover-done',
      '本班已完成',
      done.length,
      done.length
        ? h(
            'ul',
            { class: 'task-list' },
            done.map((d) =>
              h(
                'li',
                { class: 'handover-item small', dataset: { key: d.key } },
                h('span', { class: 'badge tone-done' }, openItemKindLabel(d.kind)),
                ` ${d.title}${d.tid ? `（订单 ${d.tid}）` : ''} — ${d.byName} ${shanghaiTime(d.at).slice(11)}${d.note ? `：${d.note}` : ''}`,
              ),
            ),
          )
        : h('p', { class: 'muted' }, '无'),
    ),
  ];
}

/** Every open item under its owner, collapsed (a click on the owner's line opens them); the viewer's own first. */
export function ownerGroups(report, actor) {
  return h(
    'section',
    { class: ['card', 'wide'], dataset: { testid: 'handover-open' } },
    h('h2', {}, `待处理事项（${report.openCount}）`),
    report.openItems.length
      ? [...report.openItems]
          .sort((a, b) => Number(b.owner === actor.me) - Number(a.owner === actor.me))
          .map((g) =>
            h(
              'details',
              {
                class: ['owner-group', g.owner === actor.me ? 'mine' : null],
                id: groupId(g.owner),
                dataset: { owner: g.owner },
              },
              h('summary', {}, `${g.ownerName}（${g.count} 项${g.lateCount ? `，超时 ${g.lateCount}` : ''}）`),
              h(
                'ul',
                { class: 'task-list' },
                g.items.map((i) => itemRow(i, actor)),
              ),
            ),
          )
      : h('p', { class: 'muted' }, '没有待处理的事项'),
    report.snoozed.length
      ? h(
          'details',
          { class: 'owner-group', dataset: { testid: 'handover-snoozed' } },
          h('summary', {}, `暂缓（${report.snoozed.length} 项）`),
          h(
            'ul',
            { class: 'task-list' },
            report.snoozed.map((i) => itemRow(i, actor, { withOwner: true })),
          ),
        )
      : null,
  );
}

export function carriedSection(c, shiftText) {
  return fold(
    'handover-carried',
    `上一班（${c.date} ${shiftText}）的交接还没有人确认`,
    c.items.length,
    c.items.length
      ? h(
          'ul',
          { class: 'task-list' },
          c.items.map((i) => itemRow(i, null, { withOwner: true })),
        )
      : h('p', { class: 'muted' }, '上一班没有留下待处理事项'),
    true,
  );
}

/** 备注规范: one line per cause; the memos behind it one click away. */
export function memoSection(report) {
  const m = report.memoHygiene;
  return h(
    'section',
    { class: ['card', 'wide'], dataset: { testid: 'handover-memo' } },
    h('h2', {}, `备注规范（${m.memos} 条备注待整理）`),
    m.causes.length
      ? h(
          'ul',
          { class: 'task-list small' },
          m.causes.map((c) =>
            h(
              'li',
              {},
              `${c.count} 条备注：${c.cause}${c.values.length ? `（${c.values.map((v) => `${v.value} ${v.count}`).join('，')}）` : ''}`,
            ),
          ),
        )
      : h('p', { class: 'muted' }, '最近的备注都符合规范'),
    m.orders.length
      ? h(
          'details',
          {},
          h('summary', {}, '查看这些订单'),
          h(
            'ul',
            { class: 'task-list small' },
            m.orders.map((o) =>
              h('li', {}, h('a', { href: `#/orders/${o.tid}` }, `订单 ${o.tid}`), ` ${o.problems.join('；')}`),
            ),
          ),
        )
      : null,
  );
}
