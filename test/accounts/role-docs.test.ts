/**
 * docs/api.md's role matrix and the README's demo-account table are written from the role table
 * (src/accounts/permissions.ts): this test fails when either differs from what the table says, and prints the
 * block to paste. `XIAOER_WRITE_DOCS=1 npx vitest run --config test/vitest.config.ts test/accounts/role-docs.test.ts`
 * writes the blocks instead (then review the diff).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../src/accounts/accounts.js';
import {
  ACTION_PERMISSIONS,
  ROLE_SUMMARIES,
  ROUTE_PERMISSIONS,
  type RoutePermission,
} from '../../src/accounts/permissions.js';
import { ROLES } from '../../src/accounts/staff-account.js';
import { ROOT } from '../support/service-rig.js';

const WRITE = process.env.XIAOER_WRITE_DOCS === '1';

function cell(p: RoutePermission, role: (typeof ROLES)[number]): string {
  if (p.roles === 'public') return '✓';
  if (!p.roles.includes(role)) return '—';
  return p.masksWithout && !ACTION_PERMISSIONS[p.masksWithout].roles.includes(role) ? '✓ masked' : '✓';
}

function roleMatrix(): string {
  const out: string[] = [];
  for (const group of [...new Set(ROUTE_PERMISSIONS.map((p) => p.group))]) {
    out.push(`### ${group}`, '', `| endpoint | ${ROLES.join(' | ')} |`, `|---|${ROLES.map(() => ':-:').join('|')}|`);
    for (const p of ROUTE_PERMISSIONS.filter((x) => x.group === group)) {
      out.push(
        `| \`${p.method} ${p.path}\`${p.roles === 'public' ? ' (no login)' : ''} | ${ROLES.map((r) => cell(p, r)).join(' | ')} |`,
      );
    }
    out.push('');
  }
  out.push('"masked": the answer comes with personal data masked for that role. Who sees it whole:', '');
  for (const [action, a] of Object.entries(ACTION_PERMISSIONS))
    out.push(`- \`${action}\`: ${a.roles.join(', ')} see ${a.what}`);
  return out.join('\n');
}

function demoAccountTable(): string {
  return [
    '| username | name | role | what the role adds |',
    '|---|---|---|---|',
    ...DEMO_ACCOUNTS.map((u) => `| \`${u.username}\` | ${u.displayName} | ${u.role} | ${ROLE_SUMMARIES[u.role]} |`),
  ].join('\n');
}

/** The text between `<!-- name:start … -->` and `<!-- name:end -->`, trimmed; rewritten in place when WRITE. */
function block(file: string, name: string, expected: string): string {
  const path = join(ROOT, file);
  const text = readFileSync(path, 'utf8');
  const found = new RegExp(`(<!-- ${name}:start[^>]*-->\\n)([\\s\\S]*?)\\n?<!-- ${name}:end -->`).exec(text);
  if (!found) throw new Error(`${file} has no <!-- ${name}:start --> … <!-- ${name}:end --> block`);
  if (WRITE && found[2] !== expected) {
    const rest = text.slice(found.index + found[0].length);
    writeFileSync(path, `${text.slice(0, found.index)}${found[1]}${expected}\n<!-- ${name}:end -->${rest}`);
    return expected;
  }
  return found[2]!;
}

describe('docs written from the role table', () => {
  it('when docs/api.md is read, then its role matrix is the table, route by route and role by role', () => {
    expect(block('docs/api.md', 'role-matrix', roleMatrix())).toBe(roleMatrix());
  });

  it("when the README is read, then its demo-account table says what each role adds in the table's words", () => {
    expect(block('README.md', 'demo-roles', demoAccountTable())).toBe(demoAccountTable());
  });

  it("when the matrix is rendered, then a transfer route staff may call reads masked and the cancel row is the keeper's", () => {
    expect(roleMatrix()).toContain('| `GET /api/transfers/:id` | ✓ masked | — | ✓ | ✓ |');
    expect(roleMatrix()).toContain('| `POST /api/transfers/:id/cancel` | — | — | ✓ | ✓ |');
  });
});
