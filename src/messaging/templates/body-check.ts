/**
 * Walks a template body's Handlebars syntax tree and reports, with file lines, every name the
 * body reads that the front-matter does not declare, every unknown helper, and every field read
 * from the context that CONTEXT_PATHS does not know. Checked at load so no surprise reaches 20:00.
 */
import { CONTEXT_PATHS } from './context.js';
import { BUILTIN_HELPERS, HELPERS, KNOWN_HELPERS } from './helpers.js';
import type { TemplateVariable } from './metadata.js';

type Node = hbs.AST.Node;
type Path = hbs.AST.PathExpression;

export interface BodyProblem {
  line: number;
  message: string;
}

/** root: names are declared variables; context: names are fields under a context path; opaque: nothing known. */
type Scope = { kind: 'root' } | { kind: 'context'; base: string } | { kind: 'opaque' };

const DATA_NAMES = new Set(['index', 'first', 'last', 'key']);

function isObjectPath(path: string): boolean {
  return [...CONTEXT_PATHS].some((p) => p.startsWith(`${path}.`) || p.startsWith(`${path}[]`));
}
const BLOCKS = new Set<string>(BUILTIN_HELPERS);

export function checkBody(
  root: hbs.AST.Program,
  variables: Record<string, TemplateVariable>,
  firstLine: number,
): { problems: BodyProblem[]; used: Set<string> } {
  const problems: BodyProblem[] = [];
  const used = new Set<string>();
  const lineOf = (n: Node) => firstLine + (n.loc?.start.line ?? 1) - 1;
  const report = (n: Node, message: string) => problems.push({ line: lineOf(n), message });

  /** The context path a path expression points at, or null (after reporting) when it is not a known one. */
  function resolve(p: Path, scopes: Scope[]): string | null {
    if (p.data) {
      const [head, ...rest] = p.parts;
      if (head === 'root') return resolveFrom(p, rest, { kind: 'root' });
      if (head && DATA_NAMES.has(head) && rest.length === 0) return '';
      report(p, `unknown data variable "${p.original}"`);
      return null;
    }
    const scope = scopes[scopes.length - 1 - p.depth];
    if (!scope) {
      report(p, `"${p.original}" climbs above the template`);
      return null;
    }
    return resolveFrom(p, p.parts, scope);
  }

  function resolveFrom(p: Path, parts: string[], scope: Scope): string | null {
    if (scope.kind === 'opaque') {
      report(p, `"${p.original}" reads inside a value that has no known fields`);
      return null;
    }
    if (scope.kind === 'context') {
      const path = [scope.base, ...parts].join('.');
      if (CONTEXT_PATHS.has(path)) return path;
      report(p, `"${p.original}" is not a field of ${scope.base}`);
      return null;
    }
    const [name, ...tail] = parts;
    if (!name) {
      report(p, 'read a named variable, not "this", at the top of a template');
      return null;
    }
    const variable = Object.hasOwn(variables, name) ? variables[name] : undefined;
    if (!variable) {
      report(p, `variable "${name}" is used but not declared in the front-matter`);
      return null;
    }
    used.add(name);
    if (!variable.source) {
      if (tail.length === 0) return '';
      report(p, `"${p.original}": "${name}" is filled in by staff and has no fields`);
      return null;
    }
    const path = [variable.source, ...tail].join('.');
    if (CONTEXT_PATHS.has(path)) return path;
    report(p, `"${p.original}" reads ${path}, which is not a field of the render context`);
    return null;
  }

  function value(n: hbs.AST.Expression, scopes: Scope[]): void {
    if (n.type === 'PathExpression') resolve(n as Path, scopes);
    else if (n.type === 'SubExpression') call(n as hbs.AST.SubExpression, scopes);
  }

  function call(n: hbs.AST.SubExpression | hbs.AST.MustacheStatement, scopes: Scope[]): void {
    const name = (n.path as Path).original;
    if (!Object.hasOwn(HELPERS, name))
      report(n, `unknown helper "${name}" (known: ${Object.keys(HELPERS).join(', ')})`);
    n.params.forEach((x) => value(x, scopes));
    n.hash?.pairs.forEach((pair) => value(pair.value, scopes));
  }

  function statement(n: Node, scopes: Scope[]): void {
    switch (n.type) {
      case 'ContentStatement':
      case 'CommentStatement':
        return;
      case 'MustacheStatement': {
        const m = n as hbs.AST.MustacheStatement;
        const isCall =
          m.path.type === 'PathExpression' &&
          (m.params.length > 0 || !!m.hash || KNOWN_HELPERS.has((m.path as Path).original));
        if (isCall) {
          call(m, scopes);
          return;
        }
        if (m.path.type !== 'PathExpression') return;
        const path = resolve(m.path as Path, scopes);
        // Printing an object gives "[object Object]" to a buyer: a field or a helper (waybill, honorific) is needed.
        if (path && isObjectPath(path))
          report(
            m,
            `"${(m.path as Path).original}" is ${path}, an object: print one of its fields or pass it to a helper`,
          );
        return;
      }
      case 'BlockStatement':
        return block(n as hbs.AST.BlockStatement, scopes);
      default:
        report(n, `${n.type} is not supported in templates (no partials or decorators)`);
    }
  }

  function block(b: hbs.AST.BlockStatement, scopes: Scope[]): void {
    const name = (b.path as Path).original;
    if (!BLOCKS.has(name)) {
      report(b, `"#${name}" is not a block helper templates may use (${[...BLOCKS].join(', ')})`);
      return;
    }
    if (b.program?.blockParams?.length) report(b, 'block parameters (as |x|) are not supported');
    const target = b.params[0];
    if (!target || b.params.length > 1) report(b, `#${name} takes exactly one value`);
    // #each and #with move the context (and what ../ means); #if and #unless do not.
    const changesContext = name === 'each' || name === 'with';
    let inner: Scope = { kind: 'opaque' };
    if (target?.type === 'PathExpression') {
      const path = resolve(target as Path, scopes);
      if (changesContext && path !== null) {
        const base = name === 'each' ? `${path}[]` : path;
        if (path !== '' && CONTEXT_PATHS.has(base)) inner = { kind: 'context', base };
        else report(b, `#${name} needs ${name === 'each' ? 'a list' : 'an object'} from the context`);
      }
    } else if (target) {
      value(target, scopes);
    }
    walk(b.program, changesContext ? [...scopes, inner] : scopes);
    if (b.inverse) walk(b.inverse, scopes);
  }

  function walk(p: hbs.AST.Program | undefined, scopes: Scope[]): void {
    p?.body.forEach((s) => statement(s, scopes));
  }

  walk(root, [{ kind: 'root' }]);
  return { problems, used };
}
