/**
 * Renders one loaded template for a context. Nothing is guessed: a value the context lacks uses the
 * template's fallback, else it is listed as a prompt for staff and shown as 【请填写：…】 in the text.
 */
import { NotFoundError, ValidationError } from '../../shared/errors.js';
import type { RenderContext } from './context.js';
import { MissingValue } from './helpers.js';
import type { TemplateSet } from './loader.js';

export interface PromptRef {
  name: string;
  label: string;
}

export interface RenderResult {
  text: string;
  /** Variables nobody supplied; their placeholders are in `text`. Empty means the text is ready to send. */
  missingPrompts: PromptRef[];
  /** Variables that used the template's fallback text instead of real data. */
  usedFallbacks: PromptRef[];
}

export function renderTemplate(
  set: TemplateSet,
  id: string,
  context: RenderContext,
  values: Record<string, string> = {},
): RenderResult {
  const template = set.get(id);
  if (!template)
    throw new NotFoundError({ message: '没有找到这个模板，请刷新后重试', code: 'template_not_found', params: { id } });
  const variables = template.meta.variables;
  for (const name of Object.keys(values)) {
    if (!Object.hasOwn(variables, name))
      throw new ValidationError({
        message: '这个模板没有这一项可以填写',
        code: 'unknown_variable',
        field: `values.${name}`,
        params: { id, name },
      });
  }
  const data: Record<string, unknown> = {};
  const missingPrompts: PromptRef[] = [];
  const usedFallbacks: PromptRef[] = [];
  for (const [name, v] of Object.entries(variables)) {
    const given = Object.hasOwn(values, name) ? String(values[name] ?? '').trim() : '';
    // Context first for sourced values (the order is the truth); staff input fills what the context lacks.
    const fromContext = v.source ? readPath(context, v.source) : undefined;
    if (!isEmpty(fromContext)) data[name] = fromContext;
    else if (given !== '') data[name] = given;
    else if (v.fallback !== undefined) {
      data[name] = v.fallback;
      usedFallbacks.push({ name, label: v.label });
    } else {
      data[name] = new MissingValue(v.label);
      missingPrompts.push({ name, label: v.label });
    }
  }
  return { text: template.delegate(data), missingPrompts, usedFallbacks };
}

/** Own properties only: a source path can never reach a prototype. */
function readPath(root: unknown, dotted: string): unknown {
  let cur: unknown = root;
  for (const key of dotted.split('.')) {
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, key)) return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

function isEmpty(v: unknown): boolean {
  return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
}
