/**
 * Roles have one list of names (accounts/staff-account.ts): the refusal that says who may, the remark kinds'
 * writers and the console (via GET /api/labels) read it.
 */
import { describe, expect, it } from 'vitest';
import { ROLE_LABELS, ROLES } from '../../src/accounts/index.js';
import { copiesOutside } from '../support/literal-copies.js';

describe('role names', () => {
  it('when the source is searched, then no file but staff-account.ts spells the name of a role', () => {
    const names = Object.values(ROLE_LABELS);
    expect(names).toContain('汇款专员');
    expect(
      copiesOutside(names, ['src/accounts/staff-account.ts'], {
        // The refund export's column of the staff member who registered the refund.
        客服: ['src/ledger/refund-export.ts'],
        // The demo admin account's display name, a person's name in the memo, not the role's.
        管理员: ['src/accounts/accounts.ts'],
      }),
    ).toEqual({});
  });

  it('when every role is named, then each has a Chinese name', () => {
    expect(Object.keys(ROLE_LABELS)).toEqual([...ROLES]);
    for (const [role, name] of Object.entries(ROLE_LABELS)) expect(name, role).toMatch(/^[\u4e00-\u9fff]+$/);
  });
});
