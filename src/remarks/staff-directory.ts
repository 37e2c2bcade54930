/**
 * The shop's colleagues, to check the people a remark names (助理 assistant, 上架 keeper).
 * Fields accept a display name (阿张) or a username (azhang); the memo always shows the display
 * name, because that is what staff read in the back office.
 */
import type { Role } from '../accounts/index.js';
import { ValidationError } from '../shared/errors.js';

export interface Colleague {
  username: string;
  displayName: string;
  role: Role;
}

export interface StaffDirectory {
  lookup(username: string): Omit<Colleague, 'username'> | undefined;
  list(): readonly Colleague[];
}

export function staffDirectoryFromUsers(users: Iterable<Colleague>): StaffDirectory {
  const all = [...users].map((u) => ({ username: u.username, displayName: u.displayName, role: u.role }));
  const byName = new Map(all.map((u) => [u.username, u]));
  return {
    lookup: (username) => {
      const u = byName.get(username);
      return u ? { displayName: u.displayName, role: u.role } : undefined;
    },
    list: () => all,
  };
}

/** Which roles may be named in which field; admin can stand in for anyone. */
const FIELD_ROLES: Readonly<Record<string, readonly Role[]>> = {
  assistant: ['assistant', 'admin'],
  keeper: ['keeper', 'admin'],
};
const FIELD_LABEL: Readonly<Record<string, string>> = { assistant: '助理', keeper: '上架人' };

export function findColleague(directory: StaffDirectory, nameOrUsername: string): Colleague | undefined {
  const wanted = nameOrUsername.trim();
  const list = directory.list();
  return list.find((c) => c.username === wanted) ?? list.find((c) => c.displayName === wanted);
}

/**
 * Replaces the `assistant` / `keeper` fields by the named colleague's display name, refusing a
 * name nobody has or a colleague of the wrong role (a 400 naming the field, nothing written).
 */
export function resolveNamedColleagues(
  directory: StaffDirectory,
  fields: Record<string, unknown>,
): Record<string, unknown> {
  const out = { ...fields };
  for (const [field, roles] of Object.entries(FIELD_ROLES)) {
    const value = out[field];
    if (typeof value !== 'string' || !value.trim()) continue;
    const colleague = findColleague(directory, value);
    const label = FIELD_LABEL[field]!;
    if (!colleague) {
      throw new ValidationError({
        message: `${label}“${value.trim()}”不是本店同事`,
        code: 'unknown_colleague',
        field: `fields.${field}`,
        params: { name: value.trim() },
      });
    }
    if (!roles.includes(colleague.role)) {
      throw new ValidationError({
        message: `${colleague.displayName} 不是${label}`,
        code: 'wrong_role',
        field: `fields.${field}`,
        params: { name: colleague.displayName, role: colleague.role, needs: [...roles] },
      });
    }
    out[field] = colleague.displayName;
  }
  return out;
}
