/**
 * The keeper's side of 汇款: upload a bank statement (CSV/XLSX, layout detected or chosen) and see
 * what matched, what waits for a person and what matched nothing, each with its reason; then the
 * queue of credits waiting for a person, each candidate order confirmed with a reason.
 */
import { api } from '../api.js';
import { h, replace } from '../dom.js';
import { fenToYuan } from '../format.js';
import { fieldRow, setFieldError } from '../forms.js';
import { loadLabels } from '../labels.js';
import { errorBox, loading } from '../widgets.js';

const rowText = (r) =>
  `${r.date}${r.time ? ` ${r.time}` : ''} · ¥${fenToYuan(r.amountFen)} · ${r.counterpartyName || '（无户名）'}${r.note ? ` · 附言 ${r.note}` : ''}`;

export function statementUpload(onImported) {
  const file = h('input', {
    id: 'statement-file',
    type: 'file',
    name: 'file',
    accept: '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
  // The banks and the size limit are the service's (GET /api/labels); the page loaded them before drawing.
  const bank = h('select', { id: 'statement-bank', name: 'bank' }, h('option', { value: '' }, '自动识别'));
  let maxBytes = Infinity;
  void loadLabels().then((l) => {
    bank.append(...Object.entries(l.banks ?? {}).map(([k, v]) => h('option', { value: k }, v)));
    maxBytes = l.statementMaxBytes ?? Infinity;
  });
  const submit = h('button', { type: 'submit', class: 'primary' }, '上传并匹配');
  const summary = h('div', { 'aria-live': 'polite', dataset: { testid: 'statement-summary' } });
  async function onSubmit(event) {
    event.preventDefault();
    setFieldError(file, '');
    const chosen = file.files?.[0];
    if (!chosen) return void (setFieldError(file, '请选择银行导出的对账单文件'), file.focus());
    // Refused here, not after minutes of sending: the service closes the connection on a file over its limit.
    if (chosen.size > maxBytes) {
      const mb = Math.round(maxBytes / 1024 / 1024);
      return void (
        setFieldError(file, `对账单文件不能超过 ${mb} MB。网银导出的对账单远小于这个大小，请确认选的是对账单文件`),
        file.focus()
      );
    }
    submit.disabled = true;
    replace(summary, loading('正在读取对账单…'));
    try {
      const s = await api.importStatement(chosen, bank.value || undefined);
      replace(summary, summaryView(s));
      await onImported();
    } catch (err) {
      replace(summary);
      setFieldError(err.field === 'bank' ? bank : file, err.message);
    } finally {
      submit.disabled = false;
    }
  }
  return h(
    'section',
    { class: 'card', dataset: { testid: 'statement-upload' } },
    h('h2', {}, '上传对账单'),
    h(
      'form',
      { class: 'task-form', novalidate: true, onsubmit: onSubmit },
      fieldRow({
        label: '对账单文件',
        control: file,
        required: true,
        hint: '网银导出的 CSV 或 XLSX，原样上传；重复导入的流水会被跳过',
      }),
      fieldRow({ label: '银行', control: bank }),
      submit,
    ),
    summary,
  );
}

/** The answer lists the first rows of each kind (`listLimit`) and counts them all: the rest are stored, not shown. */
function summaryView(s) {
  const list = (title, testid, items, total, line) =>
    h(
      'div',
      { dataset: { testid } },
      h('h3', {}, `${title}（${total}）`),
      items.length ? h('ul', { class: 'task-list' }, items.map(line)) : null,
      total > items.length
        ? h(
            'p',
            { class: 'muted small', dataset: { testid: `${testid}-more` } },
            `还有 ${total - items.length} 笔未显示`,
          )
        : null,
    );
  return h(
    'div',
    {},
    h(
      'p',
      { class: 'summary' },
      `格式 ${s.layout}：入账 ${s.credits} 笔，新导入 ${s.imported} 笔${s.duplicates ? `，重复 ${s.duplicates} 笔已跳过` : ''}`,
    ),
    s.heldBack
      ? h(
          'p',
          { class: 'warning', role: 'alert', dataset: { testid: 'statement-held-back' } },
          `第 ${s.heldBack.line} 行未导入：${s.heldBack.reason}`,
        )
      : null,
    list('已匹配', 'statement-matched', s.matched, s.counts.matched, (m) =>
      h(
        'li',
        { class: 'task' },
        h('p', {}, rowText(m.row)),
        h('p', { class: 'small' }, `→ ${m.transfers.join('、')}：${m.reason}`),
      ),
    ),
    list('待人工确认', 'statement-queued', s.queued, s.counts.queued, (q) =>
      h('li', { class: 'task' }, h('p', {}, rowText(q.row)), h('p', { class: 'small row-reason' }, q.reason)),
    ),
    list('未匹配', 'statement-unmatched', s.unmatched, s.counts.unmatched, (r) =>
      h('li', { class: 'task' }, h('p', {}, rowText(r)), h('p', { class: 'small row-reason' }, '没有符合的汇款订单')),
    ),
  );
}

/** The credits waiting for a person; confirming names the row(s), the order and why. */
export function matchQueue(onConfirmed) {
  const section = h(
    'section',
    { class: ['card', 'wide'], dataset: { testid: 'match-queue' } },
    h('h2', {}, '待人工确认'),
    loading(),
  );
  async function load() {
    try {
      const { queue } = await api.transferQueue();
      replace(
        section,
        h('h2', {}, `待人工确认（${queue.length}）`),
        queue.length
          ? h('ul', { class: 'task-list' }, queue.map(queued))
          : h('p', { class: 'muted' }, '没有等待确认的流水'),
      );
    } catch (err) {
      replace(
        section,
        h('h2', {}, '待人工确认'),
        errorBox(err, () => void load()),
      );
    }
  }
  function queued(r) {
    const reason = h('input', {
      id: `queue-${r.identity.slice(0, 12)}-reason`,
      name: 'reason',
      autocomplete: 'off',
      placeholder: '如：买家旺旺确认是她妈妈汇的',
    });
    const message = h('div', { role: 'status' });
    const confirm = (c) => {
      const b = h(
        'button',
        { type: 'button', class: 'primary', dataset: { transfer: c.transferId } },
        `确认是 ${c.transferId}`,
      );
      b.addEventListener('click', async () => {
        setFieldError(reason, '');
        if (!reason.value.trim()) return void (setFieldError(reason, '请填写确认的理由'), reason.focus());
        b.disabled = true;
        try {
          const res = await api.confirmTransfer(c.transferId, { rows: [r.identity], reason: reason.value.trim() });
          replace(
            message,
            h(
              'p',
              {},
              `已确认 ${c.transferId} 到账${res.surplus ? `，多付 ¥${fenToYuan(res.surplus.amountFen)} 待转入余额` : ''}`,
            ),
          );
          await Promise.all([load(), onConfirmed()]);
        } catch (err) {
          setFieldError(reason, err.message);
          b.disabled = false;
        }
      });
      return h('li', { class: 'candidate' }, b, h('span', { class: 'small muted' }, c.why));
    };
    // Not one of the candidates (another business's money, a refund…): the row leaves the queue, with the reason.
    const reject = h('button', { type: 'button', dataset: { action: 'reject' } }, '都不是，驳回');
    reject.addEventListener('click', async () => {
      setFieldError(reason, '');
      if (!reason.value.trim()) return void (setFieldError(reason, '请填写驳回的理由'), reason.focus());
      reject.disabled = true;
      try {
        await api.rejectStatementRow(r.identity, { reason: reason.value.trim() });
        replace(message, h('p', {}, '已驳回这条流水'));
        await load();
      } catch (err) {
        setFieldError(reason, err.message);
        reject.disabled = false;
      }
    });
    return h(
      'li',
      { class: 'task queued-row', dataset: { identity: r.identity, code: r.code ?? '' } },
      h('p', {}, `第 ${r.row.line} 行 · ${rowText(r.row)}`),
      h('p', { class: 'small row-reason' }, r.reason),
      fieldRow({ label: '确认或驳回的理由', control: reason, required: true }),
      r.candidates.length
        ? h('ul', { class: 'task-list' }, r.candidates.map(confirm))
        : h('p', { class: 'muted small' }, '没有候选订单：请先新建汇款订单或登记买家的汇款申报'),
      h('p', {}, reject),
      message,
    );
  }
  void load();
  return { section, reload: load };
}
