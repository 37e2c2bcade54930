import type { Job, WorkOwner } from '../scheduler/index.js';
import type { SyncService } from './sync-service.js';

/**
 * The cron expressions are the config's (operations/jobs-config.ts has the defaults): written here too,
 * they would drift from what `jobs.schedules` says.
 */
export function syncJobs(
  sync: SyncService,
  schedules: { 'order-sync': string; 'logistics-refresh': string },
  /** True while the message channel keeps orders current: a scheduled poll then rests (a manual run never does). */
  pollMayRest: () => boolean = () => false,
  /**
   * True while the channel has been connected since the last good order sync: a scheduled run that does not rest
   * only compares counts and reads where they differ (order-sync-check.ts); a manual run reads in full.
   */
  pollMayCheck: () => boolean = () => false,
  /**
   * Several instances on one database: the order sync runs only on the instance that owns it (the one whose message
   * channel is connected, so resting and the count check above read the right connection). Absent: this process.
   */
  owner?: WorkOwner,
): Job[] {
  return [
    {
      name: 'order-sync',
      schedule: schedules['order-sync'],
      description: 'orders changed on the platform',
      ...(owner ? { owner } : {}),
      async run(ctx): Promise<Record<string, number>> {
        // Resting is a run that asked the platform nothing: no new or changed orders, no calls.
        if (ctx?.reason === 'scheduled' && pollMayRest()) return { new: 0, changed: 0, calls: 0 };
        const r = await sync.syncOrders(undefined, { check: ctx?.reason === 'scheduled' && pollMayCheck() });
        if (!r.ok) throw new Error(r.errors.join('; '));
        return { new: r.ordersNew, changed: r.ordersChanged, calls: r.platformCalls };
      },
    },
    {
      name: 'logistics-refresh',
      schedule: schedules['logistics-refresh'],
      description: "tracking of shipped orders' parcels",
      async run() {
        const r = await sync.refreshLogistics();
        return { refreshed: r.parcelsRefreshed, errors: r.errors.length };
      },
    },
  ];
}
