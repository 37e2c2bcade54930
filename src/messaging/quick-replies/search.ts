/**
 * Finds quick replies the way staff type: a shortcut (/fh or fh), part of a title, pinyin
 * initials of a title (fh → 发货), or words from the reply's text. Exact shortcut first, then
 * shortcut prefix, title, title initials, text; an empty query lists everything.
 */
import { toHalfWidth } from '../../shared/money.js';
import type { LoadedTemplate, TemplateSet } from '../templates/loader.js';
import { pinyinInitials } from './pinyin-initials.js';

export type QuickReplyMatch = 'shortcut' | 'shortcut-prefix' | 'title' | 'title-initials' | 'text' | 'all';

export interface QuickReplyHit {
  id: string;
  shortcut: string;
  title: string;
  category: string;
  /** The reply with each variable shown as 【label】. */
  preview: string;
  match: QuickReplyMatch;
}

interface Indexed {
  template: LoadedTemplate;
  shortcut: string;
  title: string;
  initials: string;
  text: string;
}

const RANK: Record<QuickReplyMatch, number> = {
  shortcut: 0,
  'shortcut-prefix': 1,
  title: 2,
  'title-initials': 3,
  text: 4,
  all: 5,
};

function normalize(s: string): string {
  return toHalfWidth(s).toLowerCase().replace(/\s+/g, '');
}

/** Builds the search index once; call `search(q)` as often as staff type. */
export function quickReplySearch(set: TemplateSet): (q: string) => QuickReplyHit[] {
  const index: Indexed[] = set.all
    .filter((t) => t.purpose === 'quick-reply')
    .map((t) => ({
      template: t,
      shortcut: t.meta.shortcut ?? '',
      title: normalize(t.meta.title),
      initials: pinyinInitials(t.meta.title),
      text: normalize(t.preview),
    }));
  return (q) => {
    const query = normalize(q ?? '');
    const hits: QuickReplyHit[] = [];
    for (const entry of index) {
      const match = query === '' ? 'all' : matchOf(entry, query);
      if (match) hits.push(hitOf(entry, match));
    }
    return hits.sort(
      (a, b) => RANK[a.match] - RANK[b.match] || a.shortcut.length - b.shortcut.length || a.id.localeCompare(b.id),
    );
  };
}

export function searchQuickReplies(set: TemplateSet, q: string): QuickReplyHit[] {
  return quickReplySearch(set)(q);
}

function matchOf(e: Indexed, query: string): QuickReplyMatch | null {
  const bare = query.replace(/^\//, '');
  const shortcut = e.shortcut.slice(1);
  if (bare !== '' && shortcut === bare) return 'shortcut';
  if (bare !== '' && shortcut.startsWith(bare)) return 'shortcut-prefix';
  if (e.title.includes(query)) return 'title';
  if (/^[a-z0-9]+$/.test(bare) && e.initials.includes(bare)) return 'title-initials';
  if (e.text.includes(query)) return 'text';
  return null;
}

function hitOf(e: Indexed, match: QuickReplyMatch): QuickReplyHit {
  const t = e.template;
  return { id: t.id, shortcut: e.shortcut, title: t.meta.title, category: t.meta.category, preview: t.preview, match };
}
