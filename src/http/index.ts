/**
 * The thin HTTP shell: the Express app (security headers, JSON, the console's files, the error middleware) and the
 * auth helpers every feature router uses to learn who is logged in and what their role allows.
 */
export { createApp } from './app.js';
export { currentUser, requireRole } from './auth-middleware.js';
export { fieldLabels } from './error-middleware.js';
