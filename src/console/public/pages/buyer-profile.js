/**
 * The buyer page's 资料 card: what the staff keep about the buyer (birthday, the ID number from chat — shown and kept
 * masked —, preferred courier, 仅电话 / 仅旺旺, notes), who changed it last, and a form to change it. The ID number
 * field is always empty: the service never sends the number back, and a blank field leaves it as it is.
 */
import { api } from '../api.js';
import { h, replace } from '../dom.js';
import { clearFieldErrors, fieldRow, showFormError } from '../forms.js';
import { shanghaiTime } from '../format.js';
import { buyerProfileFieldLabel, contactLabel, contactPreferences, courierName, couriers } from '../labels.js';
import { facts } from '../widgets.js';

const options = (names, chosen) => [
  h('option', { value: '' }, '未填写'),
  ...Object.entries(names).map(([code, name]) => h('option', { value: code, selected: code === chosen }, name)),
];

export function profileCard(b, onSaved) {
  const p = b.profile;
  const label = buyerProfileFieldLabel;
  const shown = facts([
    [
      label('birthday'),
      p?.birthday ? `${p.birthday}${p.birthdaySource === 'id_number' ? '（由身份证号得出）' : ''}` : '',
    ],
    [label('idNumber'), p?.idNumberMasked ?? ''],
    [label('preferredCourier'), p?.preferredCourier ? courierName(p.preferredCourier) : ''],
    [label('contact'), p?.contact ? contactLabel(p.contact) : ''],
    [label('notes'), p?.notes ?? ''],
    ['最近修改', p?.updatedAt ? `${p.updatedByName} ${shanghaiTime(p.updatedAt)}` : ''],
  ]);
  const body = h('div', {}, p?.updatedAt ? shown : h('p', { class: 'muted' }, '还没有记录资料'));
  const edit = h(
    'button',
    { type: 'button', class: 'secondary', dataset: { testid: 'edit-profile' } },
    p?.updatedAt ? '修改资料' : '记录资料',
  );
  edit.addEventListener('click', () => {
    edit.hidden = true;
    body.append(profileForm(b.nick, p, onSaved));
    body.querySelector('input, select')?.focus();
  });
  const history = (p?.history ?? []).slice(-5).reverse();
  return h(
    'section',
    { class: 'card', dataset: { testid: 'buyer-profile' } },
    h('h2', {}, '资料'),
    body,
    edit,
    history.length
      ? h(
          'details',
          { class: 'small' },
          h('summary', {}, '修改记录'),
          h(
            'ul',
            { class: 'plain-list' },
            history.map((c) =>
              h('li', {}, `${shanghaiTime(c.at)} ${c.byName}：${c.changes.map((x) => x.label).join('、')}`),
            ),
          ),
        )
      : null,
  );
}

function profileForm(nick, p, onSaved) {
  const input = (name, attrs = {}) => h('input', { id: `profile-${name}`, name, autocomplete: 'off', ...attrs });
  const controls = {
    birthday: input('birthday', { type: 'date', value: p?.birthday ?? '' }),
    idNumber: input('idNumber', { inputmode: 'text', maxlength: '18', placeholder: p?.idNumberMasked ?? '' }),
    preferredCourier: h(
      'select',
      { id: 'profile-preferredCourier', name: 'preferredCourier' },
      options(couriers(), p?.preferredCourier),
    ),
    contact: h('select', { id: 'profile-contact', name: 'contact' }, options(contactPreferences(), p?.contact)),
    notes: h('textarea', { id: 'profile-notes', name: 'notes', rows: '3', maxlength: '1000' }, p?.notes ?? ''),
  };
  const error = h('p', { class: 'form-error', role: 'alert' });
  const submit = h('button', { type: 'submit', class: 'primary' }, '保存资料');
  async function onsubmit(event) {
    event.preventDefault();
    clearFieldErrors(form);
    replace(error);
    const c = controls;
    const body = {
      preferredCourier: c.preferredCourier.value || null,
      contact: c.contact.value || null,
      notes: c.notes.value,
    };
    // A typed ID number gives the birthday itself; a birthday is sent only when no ID number is.
    if (c.idNumber.value.trim()) body.idNumber = c.idNumber.value.trim();
    else body.birthday = c.birthday.value || null;
    submit.disabled = true;
    try {
      await api.saveBuyerProfile(nick, body);
      onSaved();
    } catch (err) {
      showFormError(err, controls, error);
      submit.disabled = false;
    }
  }
  const label = buyerProfileFieldLabel;
  const form = h(
    'form',
    { class: 'task-form', novalidate: true, onsubmit, dataset: { testid: 'profile-form' } },
    fieldRow({ label: label('birthday'), control: controls.birthday }),
    fieldRow({
      label: label('idNumber'),
      control: controls.idNumber,
      hint: '买家在聊天中提供时填写；只保存打码后的号码和其中的出生日期',
    }),
    fieldRow({ label: label('preferredCourier'), control: controls.preferredCourier }),
    fieldRow({ label: label('contact'), control: controls.contact }),
    fieldRow({ label: label('notes'), control: controls.notes }),
    error,
    submit,
  );
  return form;
}
