import type { Job } from '../scheduler/index.js';
import type { SyncService } from './sync-service.js';

export function syncJobs(sync: SyncService): Job[] {
  return [
    {
      name: 'order-sync',
      schedule: '*/5 * * * *',
      description: '同步订单 (orders changed on the platform)',
      async run() {
        const r = await sync.syncOrders();
        if (!r.ok) throw new Error(r.errors.join('; '));
        return { new: r.ordersNew, changed: r.ordersChanged, calls: r.platformCalls };
      },
    },
    {
      name: 'logistics-refresh',
      schedule: '*/30 * * * *',
      description: '刷新物流 (parcels of shipped orders)',
      async run() {
        const r = await sync.refreshLogistics();
        return { refreshed: r.parcelsRefreshed, errors: r.errors.length };
      },
    },
  ];
}
