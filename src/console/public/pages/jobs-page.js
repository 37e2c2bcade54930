/**
 * 任务调度 (admin): every scheduled job with its cron expression in shop time, the next run, the last
 * run, its outcome and the instance that ran it (read through the run coordinator: every instance shows the same),
 * and 立即运行 (the same overlap guard as the schedule; a failed run is shown,
 * not thrown).
 */
import { api } from '../api.js';
import { h, replace } from '../dom.js';
import { shanghaiTime } from '../format.js';
import { jobCountLabel, jobLabel, loadLabels, runOutcomeLabel, runReasonLabel } from '../labels.js';
import { may } from '../session.js';
import { errorBox, loading } from '../widgets.js';

/** 新订单 3，有变动的订单 2: each count named for its job by the service. */
const countsText = (run) =>
  Object.entries(run.counts ?? {})
    .map(([k, v]) => `${jobCountLabel(run.job, k)} ${v}`)
    .join('，');

function runText(run) {
  if (!run) return h('span', { class: 'muted' }, '还没有运行过');
  return h(
    'span',
    { class: run.outcome === 'ok' ? null : 'late' },
    `${shanghaiTime(run.startedAt, { seconds: true })} ${runReasonLabel(run.reason)} ${runOutcomeLabel(run.outcome)}`,
    countsText(run) ? `（${countsText(run)}）` : '',
    run.error ? `：${run.error}` : '',
  );
}

function instanceText(j) {
  const ran = j.lastRun?.instanceId ?? '—';
  return j.runningOn ? `${ran}（正在运行：${j.runningOn}）` : ran;
}

export async function render({ view, session }) {
  const admin = may('POST /api/jobs/:name/run', session);
  const status = h('div', { role: 'status', class: 'task-status', dataset: { testid: 'jobs-status' } });
  const list = h('div', { 'aria-live': 'polite', dataset: { testid: 'job-list' } }, loading());
  replace(
    view,
    h('h1', { tabindex: '-1' }, '任务调度'),
    h('p', { class: 'muted small', dataset: { testid: 'jobs-zone' } }, '所有时间均为北京时间'),
    status,
    list,
  );

  async function load() {
    try {
      const [{ jobs }] = await Promise.all([api.jobs(), loadLabels()]);
      replace(list, h('ul', { class: 'task-list job-list' }, jobs.map(row)));
    } catch (err) {
      replace(
        list,
        errorBox(err, () => void load()),
      );
    }
  }

  function row(j) {
    const button = admin
      ? h('button', { type: 'button', class: 'secondary', disabled: j.running }, j.running ? '运行中…' : '立即运行')
      : null;
    button?.addEventListener('click', async () => {
      button.disabled = true;
      replace(button, '运行中…');
      replace(status, h('p', {}, `正在运行 ${jobLabel(j.name)}…`));
      try {
        const { run } = await api.runJob(j.name);
        replace(status, h('p', { dataset: { outcome: run.outcome } }, `${jobLabel(j.name)}：`, runText(run)));
      } catch (err) {
        replace(status, errorBox(err));
      }
      await load();
    });
    return h(
      'li',
      { class: 'task job', dataset: { name: j.name } },
      // The job's description is an engineer's note in English: staff read the name alone.
      h('div', { class: 'order-line' }, h('strong', { class: 'job-name' }, jobLabel(j.name)), button),
      h(
        'dl',
        { class: 'facts small' },
        h(
          'div',
          { class: 'fact' },
          h('dt', {}, '计划'),
          h('dd', { dataset: { timeZone: j.timeZone } }, h('code', {}, j.schedule)),
        ),
        h('div', { class: 'fact' }, h('dt', {}, '下次运行'), h('dd', {}, j.nextRun ? shanghaiTime(j.nextRun) : '—')),
        h('div', { class: 'fact' }, h('dt', {}, '上次运行'), h('dd', { class: 'last-run' }, runText(j.lastRun))),
        // Who ran it (host:pid): with several instances on one database, the same answer from any of them.
        h('div', { class: 'fact' }, h('dt', {}, '实例'), h('dd', { class: 'last-run-instance' }, instanceText(j))),
      ),
    );
  }

  await load();
}
