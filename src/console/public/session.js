/**
 * Who is logged in, for display and role checks only. The session itself is the HttpOnly
 * `xiaoer_session` cookie the service sets at login: no script, ours or an injected one, can read
 * it, and the console never sees the token. A reload asks the service (GET /api/me) who the cookie
 * belongs to; nothing is kept in web storage.
 */

/** @type {{user: {username: string, displayName: string, role: string}} | null} */
let session = null;

/** @returns {{user: {username: string, displayName: string, role: string}} | null} */
export function currentSession() {
  return session;
}

/** After login (the body's token is ignored: the cookie carries it) or after /api/me. */
export function saveSession({ user }) {
  session = user ? { user: { username: user.username, displayName: user.displayName, role: user.role } } : null;
}

export function clearSession() {
  session = null;
}
