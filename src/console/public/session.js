/**
 * The logged-in session: token and user, kept in sessionStorage so a reload keeps the staff member
 * logged in while closing the tab logs them out.
 *
 * Issue 7 moves the token into an HttpOnly, SameSite cookie with CSRF protection, so that no script
 * (ours or an injected one) can read it; until then the strict CSP (no inline or foreign scripts)
 * is what keeps it from other code. Only this module touches the storage.
 */
const KEY = 'xiaoer.session';

/** @returns {{token: string, user: {username: string, displayName: string, role: string}} | null} */
export function currentSession() {
  try {
    const raw = sessionStorage.getItem(KEY);
    const parsed = raw ? JSON.parse(raw) : null;
    return parsed && typeof parsed.token === 'string' && parsed.user ? parsed : null;
  } catch {
    return null;
  }
}

export function saveSession(session) {
  sessionStorage.setItem(KEY, JSON.stringify({ token: session.token, user: session.user }));
}

export function clearSession() {
  sessionStorage.removeItem(KEY);
}
