/**
 * The live console: one EventSource on GET /api/events for the whole console, opened once someone is logged in and
 * closed at logout. The browser reconnects by itself after a drop (the service asks for 3 s); a refused stream (the
 * session ended) stays closed until the next login opens it again. Events are hints: pages read what they show
 * through the ordinary routes. Pages subscribe with onLive(event, fn) and call the returned function on leaving.
 */
import { h } from './dom.js';
import { openItemKindLabel } from './labels.js';

const EVENTS = ['order', 'open-items'];
/** @type {EventSource | null} */
let source = null;
/** @type {Map<string, Set<(data: any) => void>>} */
const listeners = new Map(EVENTS.map((e) => [e, new Set()]));

export function startLive() {
  if (source && source.readyState !== EventSource.CLOSED) return;
  source = new EventSource('/api/events');
  for (const event of EVENTS)
    source.addEventListener(event, (e) => {
      let data;
      try {
        data = JSON.parse(e.data);
      } catch {
        return;
      }
      for (const fn of [...listeners.get(event)]) fn(data);
    });
}

export function stopLive() {
  source?.close();
  source = null;
}

/** Calls `fn(data)` for every `event` ('order', 'open-items'); returns the unsubscribe. */
export function onLive(event, fn) {
  listeners.get(event).add(fn);
  return () => void listeners.get(event).delete(fn);
}

/** Calls `fn` once, `ms` after the last of a burst of calls. */
export function debounced(fn, ms) {
  let timer = null;
  const call = () => {
    clearTimeout(timer);
    timer = setTimeout(fn, ms);
  };
  call.cancel = () => clearTimeout(timer);
  return call;
}

/** Fields the person typed in or changed (fields are new elements after a redraw, so it starts clean). */
const touched = new WeakSet();
const watched = new WeakSet();
const TEXT = /^(text|search|number|tel|email|url|date|time|datetime-local)$/;
const isText = (f) => f.tagName === 'TEXTAREA' || (f.tagName === 'INPUT' && TEXT.test(f.type));

/** Starts noting which of the page's fields the person changes; call once per page, before the first redraw. */
export function watchInput(view) {
  if (watched.has(view)) return;
  watched.add(view);
  const touch = (e) => e.target instanceof HTMLElement && touched.add(e.target);
  view.addEventListener('input', touch);
  view.addEventListener('change', touch);
}

/**
 * True while the person is in a text field or has changed a field that still holds something: a redraw would lose
 * it. A text field emptied again (a form sent and cleared) no longer counts.
 */
export function hasUnsavedInput(view) {
  const active = document.activeElement;
  if (active && view.contains(active) && isText(active)) return true;
  for (const f of view.querySelectorAll('input, textarea, select'))
    if (touched.has(f) && (!isText(f) || f.value !== '')) return true;
  return false;
}

/**
 * Redraws the page with what changed, keeping the scroll, unless the person has unsaved input: then a notice offers
 * the redraw instead (their words stay until they choose).
 */
export async function refreshWhenIdle(view, redraw, noticeText) {
  if (!view.isConnected) return;
  if (hasUnsavedInput(view)) {
    if (view.querySelector('.live-notice')) return;
    const notice = h(
      'button',
      { type: 'button', class: 'live-notice', dataset: { testid: 'live-notice' }, onclick: () => void redraw() },
      noticeText,
    );
    const heading = view.querySelector('h1');
    if (heading) heading.after(notice);
    else view.prepend(notice);
    return;
  }
  const { scrollX, scrollY } = window;
  await redraw();
  window.scrollTo(scrollX, scrollY);
}

/** A new open item of the person logged in: a notice at the foot of the screen, with the way to it. */
function toast(item) {
  let shelf = document.getElementById('toasts');
  if (!shelf) {
    shelf = h('div', { id: 'toasts', class: 'toasts', role: 'status', 'aria-live': 'polite' });
    document.body.append(shelf);
  }
  const note = h(
    'div',
    { class: 'toast', dataset: { testid: 'toast', key: item.key } },
    h('strong', {}, `新的待处理：${openItemKindLabel(item.kind)}`),
    h('span', {}, item.title),
    h('a', { href: item.tid ? `#/orders/${item.tid}` : '#/handover' }, item.tid ? '查看订单' : '去交接班'),
    h('button', { type: 'button', class: 'secondary', onclick: () => note.remove() }, '知道了'),
  );
  shelf.append(note);
  // Long enough to be read on a busy screen; it stays listed in 交接班.
  setTimeout(() => note.remove(), 15_000);
}

onLive('open-items', (data) => {
  for (const item of data.mine ?? []) toast(item);
});
