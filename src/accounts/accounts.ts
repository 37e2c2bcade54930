import type { Role, StaffAccount } from './staff-account.js';
import { hashPassword } from './password.js';

export interface User {
  username: string;
  displayName: string;
  role: Role;
}

export const DEMO_PASSWORD = 'xiaoer-demo';

/** The sandbox shop's staff, documented in the README. Never created outside sandbox mode. */
export const DEMO_ACCOUNTS: readonly User[] = [
  { username: 'xiaoli', displayName: '小丽', role: 'staff' },
  { username: 'azhang', displayName: '阿张', role: 'assistant' },
  { username: 'xiaozhou', displayName: '小周', role: 'keeper' },
  { username: 'admin', displayName: '管理员', role: 'admin' },
];

let demoHashes: Promise<StaffAccount[]> | null = null;

/** Accounts from the config, plus the demo accounts when running the sandbox shop. */
export async function loadAccounts(config: {
  staff: readonly StaffAccount[];
  platform: { kind: string };
}): Promise<Map<string, StaffAccount>> {
  const accounts = new Map<string, StaffAccount>();
  if (config.platform.kind === 'sandbox') {
    demoHashes ??= Promise.all(
      DEMO_ACCOUNTS.map(async (u) => ({ ...u, passwordHash: await hashPassword(DEMO_PASSWORD) })),
    );
    for (const a of await demoHashes) accounts.set(a.username, a);
  }
  for (const a of config.staff) accounts.set(a.username, a);
  return accounts;
}

export function toUser(a: StaffAccount): User {
  return { username: a.username, displayName: a.displayName, role: a.role };
}
