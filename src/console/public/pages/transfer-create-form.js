/**
 * 新建汇款订单 (staff, keeper, admin): the buyer, one item line, the address and the amount due in
 * yuan (sent as integer fen), and how the transfer is recognised (unique amount, reference code).
 */
import { api } from '../api.js';
import { h, replace } from '../dom.js';
import { fenToYuan, yuanToFen } from '../format.js';
import { clearFieldErrors, fieldRow, setFieldError } from '../forms.js';
import { transferIdentifyMethods } from '../labels.js';

export function transferCreateForm(onCreated) {
  const input = (name, attrs = {}) => h('input', { id: `transfer-${name}`, name, autocomplete: 'off', ...attrs });
  const c = {
    buyerNick: input('buyerNick'),
    buyerName: input('buyerName', { placeholder: '银行流水上的汇款人姓名，可不填' }),
    tid: input('tid', { inputmode: 'numeric', placeholder: '可不填' }),
    itemNo: input('itemNo'),
    size: input('size', { placeholder: '可不填' }),
    quantity: input('quantity', { inputmode: 'numeric', value: '1' }),
    price: input('price', { inputmode: 'decimal', placeholder: '元' }),
    address: input('address'),
    amount: input('amount', { inputmode: 'decimal', placeholder: '元，如 288 或 288.50' }),
    identify: h(
      'select',
      { id: 'transfer-identify', name: 'identify' },
      // The choices are the service's (GET /api/labels, loaded by the 汇款 page before it draws the form).
      Object.entries(transferIdentifyMethods()).map(([k, v]) => h('option', { value: k }, v)),
    ),
  };
  const error = h('p', { class: 'form-error', role: 'alert' });
  const submit = h('button', { type: 'submit', class: 'primary' }, '创建汇款订单');
  // API fields → the control that shows their error.
  const byField = {
    buyerNick: c.buyerNick,
    buyerName: c.buyerName,
    tid: c.tid,
    address: c.address,
    amountDueFen: c.amount,
    'items.0.itemNo': c.itemNo,
    'items.0.quantity': c.quantity,
    'items.0.priceFen': c.price,
  };

  async function onSubmit(event) {
    event.preventDefault();
    clearFieldErrors(form);
    replace(error);
    for (const name of ['buyerNick', 'itemNo', 'price', 'address', 'amount']) {
      if (!c[name].value.trim()) return void (setFieldError(c[name], '请填写'), c[name].focus());
    }
    const priceFen = yuanToFen(c.price.value);
    const amountDueFen = yuanToFen(c.amount.value);
    const quantity = Number.parseInt(c.quantity.value, 10);
    if (priceFen === null) return void (setFieldError(c.price, '金额以元为单位，最多两位小数'), c.price.focus());
    if (amountDueFen === null || amountDueFen < 1)
      return void (setFieldError(c.amount, '金额以元为单位，最多两位小数'), c.amount.focus());
    if (!(quantity >= 1)) return void (setFieldError(c.quantity, '数量至少为 1'), c.quantity.focus());
    submit.disabled = true;
    try {
      const { transfer } = await api.createTransfer({
        buyerNick: c.buyerNick.value.trim(),
        ...(c.buyerName.value.trim() ? { buyerName: c.buyerName.value.trim() } : {}),
        ...(c.tid.value.trim() ? { tid: c.tid.value.trim() } : {}),
        items: [{ itemNo: c.itemNo.value.trim(), size: c.size.value.trim(), quantity, priceFen }],
        address: c.address.value.trim(),
        amountDueFen,
        identify: c.identify.value,
      });
      form.reset();
      await onCreated(transfer);
    } catch (err) {
      const target = byField[err.field];
      if (target) {
        setFieldError(target, err.message);
        target.focus();
      } else replace(error, err.message);
    } finally {
      submit.disabled = false;
    }
  }

  const form = h(
    'form',
    { class: 'task-form transfer-form', novalidate: true, onsubmit: onSubmit, dataset: { testid: 'transfer-create' } },
    fieldRow({ label: '买家昵称', control: c.buyerNick, required: true }),
    fieldRow({ label: '汇款人姓名', control: c.buyerName }),
    fieldRow({ label: '平台订单号', control: c.tid, hint: '未付款的平台订单会被关闭并备注“等汇款”' }),
    h(
      'fieldset',
      {},
      h('legend', {}, '商品'),
      fieldRow({ label: '货号', control: c.itemNo, required: true }),
      fieldRow({ label: '尺码', control: c.size }),
      fieldRow({ label: '数量', control: c.quantity, required: true }),
      fieldRow({ label: '单价（元）', control: c.price, required: true }),
    ),
    fieldRow({ label: '收货地址', control: c.address, required: true }),
    fieldRow({ label: '应付金额（元）', control: c.amount, required: true }),
    fieldRow({ label: '识别方式', control: c.identify }),
    error,
    submit,
  );
  return form;
}

/** What the staff member tells the buyer after creating the order. */
export function createdView(t) {
  return h(
    'div',
    { class: ['result', 'result-written'], dataset: { testid: 'transfer-created', id: t.id } },
    h('p', { class: 'result-status' }, `已创建汇款订单 ${t.id}`),
    h(
      'p',
      {},
      `请买家汇款 ¥${fenToYuan(t.uniqueHeld && t.uniqueAmountFen !== null ? t.uniqueAmountFen : t.amountDueFen)}`,
      t.reference ? `，附言写 ${t.reference}` : '',
    ),
    t.platform?.note ? h('p', { class: 'small muted' }, t.platform.note) : null,
  );
}
