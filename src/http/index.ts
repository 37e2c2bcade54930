/**
 * The thin HTTP shell: the Express app (security headers, JSON, the console's files, the error middleware, the role
 * table's check in front of every route) and the helper every feature router uses to learn who is logged in.
 */
export { createApp } from './app.js';
export { bearerToken, cookieToken, currentUser } from './auth-middleware.js';
export { fieldLabels, toHttpError } from './error-middleware.js';
export { openEventStream, type EventStream } from './event-stream.js';
