/**
 * Who works in the shop and how they log in: staff accounts (from the config, plus the demo accounts of the
 * sandbox), roles, password hashes and sessions. The HTTP layer turns a session into the logged-in person.
 */
export { DEMO_ACCOUNTS, DEMO_PASSWORD, loadAccounts, toUser } from './accounts.js';
export type { User } from './accounts.js';
export { hashPassword, isScryptHash, verifyPassword } from './password.js';
export { createSessions } from './sessions.js';
export { SCOPE_LABELS as LOCKOUT_SCOPE_LABELS } from './login-throttle.js';
export type { Lockout, Sessions } from './sessions.js';
export {
  ACTION_PERMISSIONS,
  allowedRoutes,
  may,
  mayCall,
  ROLE_SUMMARIES,
  ROUTE_PERMISSIONS,
  routePermission,
} from './permissions.js';
export type { Action, RoutePermission } from './permissions.js';
export { ROLE_LABELS, ROLES, roleSchema, staffAccountSchema } from './staff-account.js';
export type { Role, StaffAccount } from './staff-account.js';
