/** What each kind of login lockout keeps out has one list of words (accounts/login-throttle.ts), served to 登录锁定. */
import { describe, expect, it } from 'vitest';
import { LOCKOUT_SCOPE_LABELS } from '../../src/accounts/index.js';
import { copiesOutside } from '../support/literal-copies.js';

describe('lockout scope names', () => {
  it('when the source is searched, then no file but login-throttle.ts spells what a lockout keeps out', () => {
    expect(Object.keys(LOCKOUT_SCOPE_LABELS)).toEqual(['pair', 'client', 'account']);
    expect(copiesOutside(Object.values(LOCKOUT_SCOPE_LABELS), ['src/accounts/login-throttle.ts'])).toEqual({});
  });
});
