// Every route of the role table × every role, against the running service: a role the table leaves out must get 403,
// a role it lets in must get past the guard (any answer but 401/403). DELETE /api/session is called last per role,
// since it ends the session the other calls use.
import { ROLES, ROUTE_PERMISSIONS } from '../../dist/accounts/index.js';
import { client, startService } from './service.mjs';

const USERS = { staff: 'xiaoli', assistant: 'azhang', keeper: 'xiaozhou', admin: 'admin' };

export async function roleRounds({ dataDir, port, log }) {
  const svc = await startService({ dataDir, port, orders: 200 });
  const api = client(svc.url);
  const tid = (await api.get('/orders?pageSize=1', { user: 'admin' })).body?.orders?.[0]?.tid ?? '1';
  const routes = ROUTE_PERMISSIONS.filter((r) => r.roles !== 'public' && r.path.startsWith('/api/'));
  const ordered = [
    ...routes.filter((r) => !(r.method === 'DELETE' && r.path === '/api/session')),
    ...routes.filter((r) => r.method === 'DELETE' && r.path === '/api/session'),
  ];
  let calls = 0;
  let mismatches = 0;
  for (const role of ROLES) {
    for (const r of ordered) {
      // Real order for :tid, an id that exists nowhere for the rest: the guard answers before any lookup.
      const path = r.path
        .slice(4)
        .replace(':tid', tid)
        .replace(/:[a-zA-Z]+/g, 'chaos-none');
      const res = await api.call(r.method, path, { user: USERS[role], body: r.method === 'GET' ? undefined : {} });
      calls++;
      const allowed = r.roles.includes(role);
      const refused = res.status === 403 || res.status === 401;
      if (allowed === refused) {
        mismatches++;
        log(`  ${r.method} ${r.path} as ${role}: ${res.status} (${allowed ? 'allowed' : 'not allowed'} by the table)`);
      }
    }
  }
  await svc.stop();
  return { routes: routes.length, roles: ROLES.length, calls, mismatches };
}
