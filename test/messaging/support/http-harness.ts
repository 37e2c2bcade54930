/** The real HTTP app with real logins and the messaging module mounted as the composition root mounts it. */
import type { MessagingConfigInput } from '../../../src/messaging/index.js';
import { apiApp } from '../../support/api-app.js';
import { world } from './world.js';

export async function startMessagingApp(opts: { now?: string; config?: MessagingConfigInput } = {}) {
  const w = await world(opts);
  const api = await apiApp({ store: w.store, clock: w.clock, routes: w.module.routers, sessionHours: 12 });
  return { ...w, app: api.app, as: api.as, token: api.token };
}
