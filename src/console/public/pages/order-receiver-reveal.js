/**
 * 查看完整收件人 on the order page, for the roles that may (the assistant fixing a label, the keeper writing a waybill,
 * the admin): pick what it is for (the platform's decrypt scene, among those of the person's role) and write why, and
 * the receiver in full replaces the masked lines in place. The values live in this page only: nothing stores them,
 * and the service logs the look (隐私访问记录) without them.
 */
import { api } from '../api.js';
import { h, replace } from '../dom.js';
import { clearFieldErrors, fieldRow, showFormError } from '../forms.js';
import { shanghaiTime } from '../format.js';
import { privacyWord as w, revealedFieldLabel as f, revealScenes, sceneLabel } from '../labels.js';
import { facts } from '../widgets.js';

/** The revealed receiver as label/value lines; only the scene's fields come back, the others stay out. */
function revealedFacts(r) {
  const place = [r.state, r.city, r.district, r.town].filter(Boolean).join(' ');
  return facts([
    [f('name'), r.name],
    [f('mobile'), r.mobile],
    [f('extension'), r.extension],
    [f('phone'), r.phone],
    [f('place'), place],
    [f('addressDetail'), r.addressDetail],
    [f('secretNoExpireAt'), r.secretNoExpireAt ? shanghaiTime(r.secretNoExpireAt) : ''],
  ]);
}

/**
 * @param {string} tid
 * @param {HTMLElement} shownIn  the masked receiver's lines, replaced by the full ones once revealed
 * @param {string} role  the signed-in role: the form offers the scenes that role may declare
 */
export function revealPanel(tid, shownIn, role) {
  const panel = h('div', { class: 'reveal-panel', dataset: { testid: 'reveal-panel' } });
  const open = h(
    'button',
    { type: 'button', class: 'secondary', dataset: { testid: 'reveal-open' } },
    w('revealAction'),
  );
  open.addEventListener('click', () => replace(panel, form()));
  replace(panel, open);

  function form() {
    const scene = h(
      'select',
      { id: `reveal-scene-${tid}`, name: 'scene', dataset: { testid: 'reveal-scene' } },
      revealScenes(role).map((code) => h('option', { value: code }, sceneLabel(code))),
    );
    const reason = h('input', {
      id: `reveal-reason-${tid}`,
      name: 'reason',
      type: 'text',
      maxlength: '200',
      autocomplete: 'off',
      dataset: { testid: 'reveal-reason' },
    });
    const error = h('p', { class: 'form-error', role: 'alert' });
    const submit = h('button', { type: 'submit', dataset: { testid: 'reveal-submit' } }, w('revealSubmit'));
    const el = h(
      'form',
      { class: 'reveal-form', novalidate: true },
      fieldRow({ label: w('revealScene'), control: scene, required: true }),
      fieldRow({ label: w('revealReason'), control: reason, required: true, hint: w('revealReasonHint') }),
      h('p', { class: 'muted small' }, w('revealNotice')),
      error,
      submit,
    );
    el.addEventListener('submit', async (e) => {
      e.preventDefault();
      clearFieldErrors(el);
      replace(error);
      submit.disabled = true;
      try {
        const { receiver } = await api.revealReceiver(tid, { scene: scene.value, reason: reason.value });
        replace(
          shownIn,
          h('div', { dataset: { testid: 'receiver-revealed', scene: receiver.scene } }, revealedFacts(receiver)),
        );
        replace(
          panel,
          h(
            'p',
            { class: 'notice small' },
            `${receiver.sceneLabel}：${w('revealNotice')}`,
            receiver.privacyProtection ? ` ${w('privacyNumber')}` : '',
          ),
        );
      } catch (err) {
        submit.disabled = false;
        showFormError(err, { scene, reason }, error);
      }
    });
    queueMicrotask(() => scene.focus());
    return el;
  }

  return panel;
}
