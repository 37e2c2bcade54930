/**
 * 排班: who works today and who is on duty now, the shifts with their breaks, everyone's pattern, the swaps and
 * days off, and the keeper of money. The admin edits it here (PUT /api/roster replaces the whole roster); the
 * handover's owner rules read it (docs/handover.md). A cycle is edited as "上 N 天，休 M 天" of one shift, the
 * handbook's 10 days on / 2 off; a cycle that is not of that form is kept as it is.
 */
import { api } from '../api.js';
import { duties, dutyLabel, loadLabels } from '../labels.js';
import { h, replace } from '../dom.js';
import { may } from '../session.js';
import { errorBox, facts, loading } from '../widgets.js';

/** [duty, its name] for a select, in the service's order; `shiftsOnly` leaves the day off out. */
const dutyChoices = (shiftsOnly = false) => duties(shiftsOnly).map((d) => [d, dutyLabel(d)]);
const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];

const select = (name, options, value, label) =>
  h(
    'select',
    { name, 'aria-label': label },
    options.map(([v, text]) => h('option', { value: v, selected: v === value }, text)),
  );

/** [shift, on, off] when a cycle is N days of one shift then M days off; null otherwise. */
function simpleCycle(days) {
  const on = days.findIndex((d) => d === 'off');
  if (on <= 0 || days.slice(0, on).some((d) => d !== days[0]) || days.slice(on).some((d) => d !== 'off')) return null;
  return [days[0], on, days.length - on];
}

function patternText(p) {
  if (p.kind === 'weekly') return `每周：${p.days.map((d, i) => `周${WEEKDAYS[i]}${dutyLabel(d)}`).join('，')}`;
  const c = simpleCycle(p.days);
  return c
    ? `${dutyLabel(c[0])}，上 ${c[1]} 天休 ${c[2]} 天（${p.start} 起）`
    : `每 ${p.days.length} 天一轮（${p.start} 起）`;
}

const periodsText = (s) => s.periods.map((p) => `${p.start}-${p.end}`).join('，');
const parsePeriods = (text) =>
  text
    .split(/[,，、\s]+/)
    .filter(Boolean)
    .map((part) => {
      const [start = '', end = ''] = part.split(/[-–~至]/);
      return { start: start.trim(), end: end.trim() };
    });

function personRow(person, staff, rows) {
  const who = select('username', staff, person.username, '员工');
  const kind = select(
    'kind',
    [
      ['cycle', '轮班'],
      ['weekly', '每周固定'],
    ],
    person.pattern.kind,
    '排法',
  );
  const cycle = person.pattern.kind === 'cycle' ? person.pattern : null;
  const simple = cycle ? simpleCycle(cycle.days) : ['day', 10, 2];
  const start = h('input', { type: 'date', name: 'start', 'aria-label': '轮班起始日', value: cycle?.start ?? '' });
  const shift = select('shift', dutyChoices(true), simple?.[0] ?? 'day', '班次');
  const on = h('input', {
    type: 'number',
    name: 'on',
    min: '1',
    max: '31',
    value: String(simple?.[1] ?? 10),
    'aria-label': '上几天',
  });
  const off = h('input', {
    type: 'number',
    name: 'off',
    min: '0',
    max: '31',
    value: String(simple?.[2] ?? 2),
    'aria-label': '休几天',
  });
  const weekly = person.pattern.kind === 'weekly' ? person.pattern.days : Array(7).fill('day');
  const week = WEEKDAYS.map((d, i) => select(`w${i}`, dutyChoices(), weekly[i], `周${d}`));
  const cycleBox = h('span', { class: 'pattern-cycle' }, start, shift, '上', on, '天，休', off, '天');
  const weekBox = h('span', { class: 'pattern-week' }, week);
  const show = () => {
    cycleBox.hidden = kind.value !== 'cycle';
    weekBox.hidden = kind.value !== 'weekly';
  };
  kind.addEventListener('change', show);
  show();
  const row = h('li', { class: 'roster-row', dataset: { username: person.username } });
  const remove = h('button', { type: 'button', onclick: () => (row.remove(), rows.delete(read)) }, '删除');
  replace(row, who, kind, cycleBox, weekBox, remove);
  function read() {
    if (kind.value === 'weekly')
      return { username: who.value, pattern: { kind: 'weekly', days: week.map((w) => w.value) } };
    // An irregular cycle nobody touched is kept as it was.
    if (cycle && !simple && kind.value === 'cycle') return { username: who.value, pattern: cycle };
    const n = Number(on.value);
    const m = Number(off.value);
    const days = [...Array(Math.max(0, n)).fill(shift.value), ...Array(Math.max(0, m)).fill('off')];
    return { username: who.value, pattern: { kind: 'cycle', start: start.value, days } };
  }
  rows.add(read);
  return row;
}

function exceptionRow(e, staff, rows) {
  const date = h('input', { type: 'date', name: 'date', 'aria-label': '日期', value: e.date });
  const who = select('username', staff, e.username, '员工');
  const duty = select('duty', dutyChoices(), e.duty, '当天');
  const note = h('input', { name: 'note', 'aria-label': '说明', placeholder: '如：和小丽换班', value: e.note ?? '' });
  const row = h('li', { class: 'roster-row' });
  const read = () => ({
    date: date.value,
    username: who.value,
    duty: duty.value,
    ...(note.value.trim() ? { note: note.value.trim() } : {}),
  });
  replace(
    row,
    date,
    who,
    duty,
    note,
    h('button', { type: 'button', onclick: () => (row.remove(), rows.delete(read)) }, '删除'),
  );
  rows.add(read);
  return row;
}

function editor(data, reload) {
  const { roster } = data;
  const staff = data.staff.map((s) => [s.username, s.displayName]);
  const people = new Set();
  const exceptions = new Set();
  const shiftInputs = Object.fromEntries(
    ['day', 'night'].map((s) => [s, h('input', { name: `${s}-periods`, value: periodsText(roster.shifts[s]) })]),
  );
  const keeper = select('keeper', staff, roster.keeper, '汇款负责人');
  const peopleList = h(
    'ul',
    { class: 'task-list' },
    roster.people.map((p) => personRow(p, staff, people)),
  );
  const exceptionList = h(
    'ul',
    { class: 'task-list' },
    roster.exceptions.map((e) => exceptionRow(e, staff, exceptions)),
  );
  const message = h('div', { dataset: { testid: 'roster-error' } });
  const save = h('button', { type: 'submit', class: 'primary' }, '保存排班');
  return h(
    'form',
    {
      class: ['card', 'wide', 'roster-form'],
      novalidate: true,
      dataset: { testid: 'roster-form' },
      onsubmit: async (event) => {
        event.preventDefault();
        save.disabled = true;
        replace(message);
        const body = {
          shifts: Object.fromEntries(
            ['day', 'night'].map((s) => [
              s,
              { label: roster.shifts[s].label, periods: parsePeriods(shiftInputs[s].value) },
            ]),
          ),
          people: [...people].map((read) => read()),
          exceptions: [...exceptions].map((read) => read()),
          keeper: keeper.value,
        };
        try {
          await api.saveRoster(body);
          reload();
        } catch (err) {
          replace(message, errorBox(err));
          save.disabled = false;
        }
      },
    },
    h('h2', {}, '修改排班'),
    h('label', {}, '白班时段 ', shiftInputs.day),
    h('label', {}, '夜班时段 ', shiftInputs.night),
    h('label', {}, '汇款负责人 ', keeper),
    h('h3', {}, '人员'),
    peopleList,
    h(
      'button',
      {
        type: 'button',
        onclick: () =>
          peopleList.append(
            personRow(
              {
                username: staff[0][0],
                pattern: { kind: 'cycle', start: data.today.date, days: [...Array(10).fill('day'), 'off', 'off'] },
              },
              staff,
              people,
            ),
          ),
      },
      '添加人员',
    ),
    h('h3', {}, '调班与休假'),
    exceptionList,
    h(
      'button',
      {
        type: 'button',
        onclick: () =>
          exceptionList.append(
            exceptionRow({ date: data.today.date, username: staff[0][0], duty: 'off' }, staff, exceptions),
          ),
      },
      '添加调班',
    ),
    h('div', { class: 'item-actions' }, save),
    message,
  );
}

export async function render(ctx) {
  const { view } = ctx;
  const heading = h('h1', { tabindex: '-1' }, '排班');
  replace(view, heading, loading());
  let data;
  try {
    [data] = await Promise.all([api.roster(), loadLabels()]);
  } catch (err) {
    replace(
      view,
      heading,
      errorBox(err, () => void render(ctx)),
    );
    return;
  }
  const nameOf = (u) => data.staff.find((s) => s.username === u)?.displayName ?? u;
  const names = (list) => (list.length ? list.map(nameOf).join('、') : '无');
  const { roster } = data;
  replace(
    view,
    heading,
    h(
      'p',
      { class: 'summary', dataset: { testid: 'roster-today' } },
      `今天 ${data.today.date}：白班 ${names(data.today.day)}；夜班 ${names(data.today.night)}。现在在班：${names(data.onDuty)}`,
    ),
    h(
      'div',
      { class: 'detail-grid' },
      h(
        'section',
        { class: 'card' },
        h('h2', {}, '班次'),
        facts(
          ['day', 'night'].map((s) => [
            roster.shifts[s].label,
            `${periodsText(roster.shifts[s])}${data.breaks[s].length ? `（休息 ${data.breaks[s].map((b) => `${b.start}-${b.end}`).join('，')}）` : ''}`,
          ]),
        ),
        h('p', { class: 'small muted' }, `汇款负责人：${nameOf(roster.keeper)}`),
      ),
      h(
        'section',
        { class: 'card', dataset: { testid: 'roster-people' } },
        h('h2', {}, `人员（${roster.people.length}）`),
        h(
          'ul',
          { class: 'task-list small' },
          roster.people.map((p) => h('li', {}, `${nameOf(p.username)}：${patternText(p.pattern)}`)),
        ),
        roster.exceptions.length
          ? h(
              'ul',
              { class: 'task-list small' },
              roster.exceptions.map((e) =>
                h('li', {}, `${e.date} ${nameOf(e.username)} ${dutyLabel(e.duty)}${e.note ? `（${e.note}）` : ''}`),
              ),
            )
          : null,
      ),
      may('PUT /api/roster') ? editor(data, () => void render(ctx)) : null,
    ),
  );
}
