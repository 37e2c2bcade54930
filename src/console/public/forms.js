/**
 * Form fields with their own error line, so an API error naming a field (`fields.amount`) shows
 * next to that field in plain Chinese, and screen readers hear it with the field.
 */
import { h, replace } from './dom.js';

/** A labelled field: label, control, optional hint, and an (empty) error line tied to the control. */
export function fieldRow({ label, control, hint, required }) {
  const errorId = `${control.id}-error`;
  const hintId = hint ? `${control.id}-hint` : null;
  control.setAttribute('aria-describedby', [hintId, errorId].filter(Boolean).join(' '));
  if (required) control.setAttribute('aria-required', 'true');
  return h(
    'div',
    { class: 'field', dataset: { field: control.name } },
    h(
      'label',
      { for: control.id },
      label,
      required ? h('span', { class: 'required', 'aria-hidden': 'true' }, ' *') : null,
    ),
    control,
    hint ? h('p', { id: hintId, class: 'muted small field-hint' }, hint) : null,
    h('p', { id: errorId, class: 'form-error field-error', role: 'alert' }),
  );
}

/** Shows `message` under `control` (or clears it with an empty message). */
export function setFieldError(control, message) {
  const line = document.getElementById(`${control.id}-error`);
  if (line) replace(line, message || '');
  if (message) control.setAttribute('aria-invalid', 'true');
  else control.removeAttribute('aria-invalid');
}

/** Clears every field error inside `root`. */
export function clearFieldErrors(root) {
  for (const el of root.querySelectorAll('[aria-invalid="true"]')) setFieldError(el, '');
}

/** 'fields.amount' → 'amount'; other fields (state, kind) are not a form field. */
export function formFieldName(apiField) {
  return typeof apiField === 'string' && apiField.startsWith('fields.')
    ? apiField.slice('fields.'.length).split('.')[0]
    : null;
}

/**
 * Shows a refusal where the person will look: under the field it names (`values.resolution` → the `values` control),
 * focused, else in the form's own error line.
 * @param {{field?: string, message: string}} err
 * @param {Record<string, HTMLElement>} controls
 * @param {HTMLElement} errorLine
 */
export function showFormError(err, controls, errorLine) {
  const target = controls[String(err.field ?? '').split('.')[0]];
  if (target) {
    setFieldError(target, err.message);
    target.focus();
  } else replace(errorLine, err.message);
}
