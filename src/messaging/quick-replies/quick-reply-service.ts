/**
 * Quick replies for staff: search, render for an order in one click, and count who uses what.
 * The same `render` serves the HTTP API and the CLI (`xiaoer reply /fh --tid …`).
 */
import { NotFoundError } from '../../shared/errors.js';
import { toInstant, type Clock } from '../../shared/time.js';
import { createComplianceCheck, type ComplianceCheck, type OutgoingFinding } from '../compliance/compliance-check.js';
import type { OrderFactsSource } from '../outbound/order-facts.js';
import { renderTemplate, type PromptRef, type TemplateSet } from '../templates/index.js';
import { quickReplySearch, type QuickReplyHit } from './search.js';
import type { QuickReplyUsage, UsageRepository } from './usage-repository.js';

export interface QuickReplyRender {
  id: string;
  shortcut: string;
  title: string;
  text: string;
  /** Prompts nobody answered yet; their 【请填写：…】 placeholders are in `text`. */
  missingPrompts: PromptRef[];
  usedFallbacks: PromptRef[];
  /** A suggestion's text that trips a phrase (one the keeper added since): shown with the finding, never copied. */
  nonCompliant?: OutgoingFinding[];
}

export interface RenderOptions {
  tid?: string;
  values?: Record<string, string>;
  /** The logged-in person (HTTP) or config.cliUser (CLI): signs 我是… and gets the usage count. */
  user: { username: string; displayName: string };
  /** False for a suggestion shown (knowledge's suggested replies): only a reply staff chose counts as a use. */
  countUse?: boolean;
}

export function createQuickReplyService(deps: {
  templates: TemplateSet;
  facts: OrderFactsSource;
  usage: UsageRepository;
  clock: Clock;
  /** The phrase check shared with the outbound messages; the built-in phrases when not given. */
  compliance?: ComplianceCheck;
}) {
  const compliance = deps.compliance ?? createComplianceCheck();
  const search = quickReplySearch(deps.templates);

  function find(shortcutOrId: string) {
    const key = shortcutOrId.trim();
    const t = deps.templates.get(key) ?? (/^\/?[a-z0-9]{1,12}$/.test(key) ? deps.templates.byShortcut(key) : undefined);
    if (!t || t.purpose !== 'quick-reply')
      throw new NotFoundError({
        message: '没有找到这条快捷短语，请刷新后重试',
        code: 'quick_reply_not_found',
        params: { key },
      });
    return t;
  }

  async function render(shortcutOrId: string, opts: RenderOptions): Promise<QuickReplyRender> {
    const t = find(shortcutOrId);
    const facts = deps.facts.facts({ tid: opts.tid ?? null, staffName: opts.user.displayName });
    if (opts.tid && !facts.order)
      throw new NotFoundError({
        message: `订单 ${opts.tid} 不存在`,
        code: 'order_not_found',
        params: { tid: opts.tid },
      });
    const result = renderTemplate(deps.templates, t.id, facts.context, opts.values ?? {});
    // What staff answer or copy goes to a buyer: the same check as a queued message, before the use is counted.
    if (opts.countUse !== false) compliance.refuseValues(opts.values ?? {}, result.text);
    const findings = opts.countUse === false ? compliance.scan(result.text) : [];
    if (opts.countUse !== false) await deps.usage.record(opts.user.username, t.id, toInstant(deps.clock.now()));
    return {
      id: t.id,
      shortcut: t.meta.shortcut ?? '',
      title: t.meta.title,
      ...result,
      ...(findings.length ? { nonCompliant: findings } : {}),
    };
  }

  return {
    search: (q: string): QuickReplyHit[] => search(q),
    render,
    usage: (username?: string): QuickReplyUsage[] => deps.usage.list(username),
  };
}

export type QuickReplyService = ReturnType<typeof createQuickReplyService>;
