/**
 * Loads every template under a directory once, at start-up: front-matter, metadata, Handlebars
 * syntax, variables, compliance phrases and a dry-run render. Problems are collected across all
 * files and thrown together as one TemplateError, so a broken template stops the start, not a send.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { TemplateDelegate } from 'handlebars';
import { checkBody } from './body-check.js';
import { lintCompliance } from './compliance-lint.js';
import { parseFrontMatter } from './front-matter.js';
import { COMPILE_OPTIONS, createTemplateEnvironment, MissingValue, type TemplateEnvironment } from './helpers.js';
import {
  purposeProblems,
  templateMetaSchema,
  type MessageKind,
  type TemplateMeta,
  type TemplatePurpose,
} from './metadata.js';
import { TemplateError, type TemplateFinding } from './template-error.js';

export interface LoadedTemplate {
  id: string;
  purpose: TemplatePurpose;
  meta: TemplateMeta;
  /** The body source, without front-matter. */
  body: string;
  file: string;
  /** File lines of the front-matter fields ('id', 'shortcut', 'variables.size'...), for later findings. */
  fieldLines: ReadonlyMap<string, number>;
  /** The body rendered with every variable shown as 【label】: for listings and search. */
  preview: string;
  delegate: TemplateDelegate;
}

export interface TemplateSet {
  readonly all: readonly LoadedTemplate[];
  get(id: string): LoadedTemplate | undefined;
  byShortcut(shortcut: string): LoadedTemplate | undefined;
  byKind(kind: MessageKind): LoadedTemplate | undefined;
}

/** Sub-folder → what its templates are for. A .hbs file anywhere else is a mistake worth stopping for. */
export const TEMPLATE_FOLDERS: Readonly<Record<string, TemplatePurpose>> = {
  'quick-replies': 'quick-reply',
  messages: 'message',
};

export async function loadTemplates(dir: string): Promise<TemplateSet> {
  const findings: TemplateFinding[] = [];
  const loaded: LoadedTemplate[] = [];
  const env = createTemplateEnvironment();
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    throw new TemplateError([
      {
        file: displayPath(dir),
        line: 0,
        rule: 'front-matter',
        message: `cannot read the template directory: ${(err as Error).message}`,
      },
    ]);
  }
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isFile() && entry.name.endsWith('.hbs')) {
      findings.push({
        file: displayPath(full),
        line: 0,
        rule: 'front-matter',
        message: `templates live in ${Object.keys(TEMPLATE_FOLDERS).join('/ or ')}/`,
      });
    }
    if (!entry.isDirectory()) continue;
    const files = (await readdir(full)).filter((f) => f.endsWith('.hbs')).sort();
    const purpose = Object.hasOwn(TEMPLATE_FOLDERS, entry.name) ? TEMPLATE_FOLDERS[entry.name] : undefined;
    for (const f of files) {
      const file = displayPath(path.join(full, f));
      if (!purpose) {
        findings.push({
          file,
          line: 0,
          rule: 'front-matter',
          message: `unknown template folder "${entry.name}" (known: ${Object.keys(TEMPLATE_FOLDERS).join(', ')})`,
        });
        continue;
      }
      const result = compileTemplateFile(file, await readFile(path.join(full, f), 'utf8'), purpose, env);
      findings.push(...result.findings);
      if (result.template) loaded.push(result.template);
    }
  }
  findings.push(...duplicateFindings(loaded));
  if (findings.length > 0) throw new TemplateError(findings);
  return templateSet(loaded);
}

/** One file's checks; pure apart from the Handlebars environment it compiles in. */
export function compileTemplateFile(
  file: string,
  source: string,
  purpose: TemplatePurpose,
  env: TemplateEnvironment,
): { template?: LoadedTemplate; findings: TemplateFinding[] } {
  const findings: TemplateFinding[] = [];
  const add = (line: number, rule: TemplateFinding['rule'], message: string) =>
    findings.push({ file, line, rule, message });
  for (const c of lintCompliance(source))
    findings.push({
      file,
      line: c.line,
      rule: 'compliance',
      phrase: c.phrase,
      message: `banned phrase "${c.phrase}": ${c.why}`,
    });

  const fm = parseFrontMatter(source);
  fm.problems.forEach((p) => add(p.line, 'front-matter', p.message));
  if (fm.problems.length > 0) return { findings };

  const parsed = templateMetaSchema.safeParse(fm.data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const keys = issue.code === 'unrecognized_keys' ? issue.keys.map((k) => [...issue.path, k]) : [issue.path];
      for (const key of keys) {
        const dotted = key.map(String).join('.');
        const missing = issue.code === 'invalid_type' && !fm.lines.has(dotted);
        const message =
          issue.code === 'unrecognized_keys'
            ? `unknown field "${dotted}"`
            : missing
              ? `"${dotted}" is missing`
              : `"${dotted}": ${issue.message}`;
        add(nearestLine(fm.lines, key.map(String)), 'metadata', message);
      }
    }
    return { findings };
  }
  const meta = parsed.data;
  for (const p of purposeProblems(purpose, meta)) add(fm.lines.get(p.field) ?? 1, 'metadata', p.message);

  let ast: hbs.AST.Program;
  try {
    ast = env.parse(fm.body);
  } catch (err) {
    const { line, message } = parseErrorOf(err as Error);
    add(fm.bodyStartLine + line - 1, 'parse', message);
    return { findings };
  }
  const body = checkBody(ast, meta.variables, fm.bodyStartLine);
  body.problems.forEach((p) => add(p.line, 'variables', p.message));
  for (const name of Object.keys(meta.variables)) {
    if (!body.used.has(name))
      add(
        fm.lines.get(`variables.${name}`) ?? 1,
        'variables',
        `variable "${name}" is declared but the body never uses it`,
      );
  }
  if (findings.length > 0) return { findings };

  const delegate = env.compile(ast, COMPILE_OPTIONS);
  const previewData = Object.fromEntries(
    Object.entries(meta.variables).map(([k, v]) => [k, new MissingValue(v.label, `【${v.label}】`)]),
  );
  let preview: string;
  try {
    // Handlebars compiles lazily: this dry run is what surfaces compile errors at load time.
    preview = delegate(previewData);
  } catch (err) {
    add(fm.bodyStartLine, 'render', `the template fails to render: ${(err as Error).message}`);
    return { findings };
  }
  return {
    findings,
    template: { id: meta.id, purpose, meta, body: fm.body, file, fieldLines: fm.lines, preview, delegate },
  };
}

function nearestLine(lines: Map<string, number>, key: string[]): number {
  for (let n = key.length; n > 0; n--) {
    const line = lines.get(key.slice(0, n).join('.'));
    if (line !== undefined) return line;
  }
  return 1;
}

function parseErrorOf(err: Error): { line: number; message: string } {
  const [first = '', ...rest] = err.message.split('\n');
  const line = Number(/line (\d+)/.exec(first)?.[1] ?? 1);
  const detail = rest.filter((l) => l.trim() !== '' && !/^-*\^$/.test(l.trim()));
  return { line, message: `Handlebars parse error: ${detail.join(' | ') || first}` };
}

function duplicateFindings(templates: LoadedTemplate[]): TemplateFinding[] {
  const findings: TemplateFinding[] = [];
  const keys: [string, (t: LoadedTemplate) => string | undefined][] = [
    ['id', (t) => t.id],
    ['shortcut', (t) => t.meta.shortcut],
    ['kind', (t) => t.meta.kind],
  ];
  for (const [field, keyOf] of keys) {
    const seen = new Map<string, LoadedTemplate>();
    for (const t of templates) {
      const key = keyOf(t);
      if (key === undefined) continue;
      const first = seen.get(key);
      if (first)
        findings.push({
          file: t.file,
          line: t.fieldLines.get(field) ?? 1,
          rule: 'duplicate',
          message: `${field} "${key}" is also used by ${first.file}`,
        });
      else seen.set(key, t);
    }
  }
  return findings;
}

function templateSet(all: LoadedTemplate[]): TemplateSet {
  const byId = new Map(all.map((t) => [t.id, t]));
  const byShortcut = new Map(all.filter((t) => t.meta.shortcut).map((t) => [t.meta.shortcut!, t]));
  const byKind = new Map(all.filter((t) => t.meta.kind).map((t) => [t.meta.kind!, t]));
  return {
    all,
    get: (id) => byId.get(id),
    byShortcut: (s) => byShortcut.get(s.startsWith('/') ? s : `/${s}`),
    byKind: (k) => byKind.get(k),
  };
}

function displayPath(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
}
