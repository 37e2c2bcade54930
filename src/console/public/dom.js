/**
 * A tiny element builder. Pages build the DOM with it instead of innerHTML, so buyer nicks, memos
 * and addresses from the shop can never be interpreted as markup.
 */

/**
 * h('a', { href: '#/x', class: 'link' }, 'text', child) → HTMLElement.
 * Attributes: `class`, `on<Event>` handlers, booleans (true sets, false/null/undefined omits),
 * `dataset` (object); anything else becomes an attribute. Children: strings, numbers, nodes,
 * arrays of those; null/undefined/false are skipped.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') el.className = Array.isArray(value) ? value.filter(Boolean).join(' ') : value;
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key.startsWith('on') && typeof value === 'function')
      el.addEventListener(key.slice(2).toLowerCase(), value);
    else if (key === 'value' && 'value' in el) el.value = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : String(child));
  }
}

/** Replaces everything inside `el` with `children`. */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}
