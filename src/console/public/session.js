/**
 * Who is logged in, for display and role checks only. The session itself is the HttpOnly
 * `xiaoer_session` cookie the service sets at login: no script, ours or an injected one, can read
 * it, and the console never sees the token. A reload asks the service (GET /api/me) who the cookie
 * belongs to; nothing is kept in web storage.
 */

/**
 * `can`: the routes ("POST /api/transfers/:id/cancel") this person may call, as the service's role table says
 * (GET /api/me, the login answer); pages show an action only when its route is in it, and keep no role list.
 * @type {{user: {username: string, displayName: string, role: string}, can: string[]} | null}
 */
let session = null;

/** @returns {{user: {username: string, displayName: string, role: string}, can: string[]} | null} */
export function currentSession() {
  return session;
}

/** After login (the body's token is ignored: the cookie carries it) or after /api/me. */
export function saveSession({ user, can }) {
  const { username, displayName, role } = user ?? {};
  session = user ? { user: { username, displayName, role }, can: Array.isArray(can) ? can : [] } : null;
}

/** Whether the logged-in person may call `route` ("METHOD /api/path" as the role table names it). */
export function may(route, s = session) {
  return Boolean(s?.can.includes(route));
}

export function clearSession() {
  session = null;
}
