import { formatTopTime, shanghaiDate, startOfShanghaiDay, DAY, type Clock } from '../../shared/time.js';
import { DECRYPT_SCENES, type DecryptScene } from '../platform-port.js';
import type { Params } from './gateway.js';
import { guarded, ParamError, required, type MethodResult } from './method-params.js';
import { SECRET_NO_DAYS_DEFAULT, SECRET_NO_DAYS_MAX } from './oaid.js';
import type { SandboxShop } from './shop.js';
import { E } from './top-errors.js';
import type { SandboxTrade } from './types.js';

/**
 * taobao.top.oaid.decrypt: plain receivers for up to 20 (tid, oaid) pairs, each under a declared scene that decides
 * which fields come back, counted against the app's daily decrypt quota.
 */

export const DECRYPT_MAX_ITEMS = 20;

type Part = 'name' | 'mobile' | 'address';
const SHIPPING: readonly Part[] = ['name', 'mobile', 'address'];
/** The platform's scene table: waybills and shipping see everything, the rest only what their purpose needs. */
const SCENE_PARTS: Record<DecryptScene, readonly Part[]> = {
  '1001': SHIPPING,
  '1002': SHIPPING,
  '1003': SHIPPING,
  '1004': SHIPPING,
  '1005': SHIPPING,
  '1006': SHIPPING,
  '1007': SHIPPING,
  '1008': ['address'],
  '1009': ['name'],
  '2001': ['mobile'],
  '2002': ['mobile'],
};
const SCENES: ReadonlySet<string> = new Set(DECRYPT_SCENES);

interface Query {
  tid: string;
  oaid: string;
  scene: DecryptScene;
  days: number;
}

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');

function parseQueries(p: Params): Query[] {
  // A 19-digit tid sent as a bare JSON number would lose its last digits in JSON.parse: read it as text.
  const raw = required(p, 'query_list').replace(/("tid"\s*:\s*)(\d+)/g, '$1"$2"');
  let list: unknown;
  try {
    list = JSON.parse(raw);
  } catch {
    list = undefined;
  }
  if (!Array.isArray(list) || list.length === 0 || !list.every((q) => q && typeof q === 'object'))
    throw new ParamError(E.invalidParameter('query_list', 'query_list必须是非空的JSON数组'));
  if (list.length > DECRYPT_MAX_ITEMS)
    throw new ParamError(E.invalidParameter('query_list', `query_list最多支持${DECRYPT_MAX_ITEMS}个`));
  return (list as Record<string, unknown>[]).map((q) => {
    const tid = text(q.tid);
    const oaid = text(q.oaid);
    const scene = text(q.scene);
    if (!/^\d+$/.test(tid)) throw new ParamError(E.invalidParameter('tid', 'tid不能为空且必须是数字'));
    if (!oaid) throw new ParamError(E.invalidParameter('oaid', 'oaid不能为空'));
    if (!SCENES.has(scene))
      throw new ParamError(
        E.invalidParameter('scene', `不支持的解密场景${scene || '(空)'}，可选：${DECRYPT_SCENES.join('、')}`),
      );
    const daysText = text(q.secret_no_days);
    const days = daysText === '' ? SECRET_NO_DAYS_DEFAULT : Number(daysText);
    if (!Number.isInteger(days) || days < 1 || days > SECRET_NO_DAYS_MAX)
      throw new ParamError(
        E.invalidParameter('secret_no_days', `secret_no_days必须是1到${SECRET_NO_DAYS_MAX}之间的整数`),
      );
    return { tid, oaid, scene: scene as DecryptScene, days };
  });
}

function answer(shop: SandboxShop, t: SandboxTrade, q: Query, now: number): Record<string, unknown> {
  const r = shop.plainReceiver(t);
  const parts = SCENE_PARTS[q.scene];
  const privacy = shop.underPrivacyProtection(t);
  const out: Record<string, unknown> = {
    tid: q.tid,
    oaid: q.oaid,
    matched: true,
    state: r.state,
    city: r.city,
    district: r.district || undefined,
    town: r.town || undefined,
    country: r.country || undefined,
    privacy_protection: privacy,
  };
  if (parts.includes('name')) out.name = r.name;
  if (parts.includes('address')) out.address_detail = r.address;
  if (parts.includes('mobile')) {
    if (privacy) {
      // The buyer's own number never leaves: a privacy number (with its extension) stands in for it, and no landline.
      const n = shop.privacyNumber(t.tid, now, q.days);
      out.mobile = n.mobile;
      out.secret_no_expire_time = formatTopTime(n.expiresAt);
    } else {
      out.mobile = r.mobile;
      if (r.phone) out.phone = r.phone;
    }
  }
  return out;
}

export interface OaidMethodsOptions {
  clock: Clock;
  /** Receivers the app may decrypt per Shanghai day; 0 refuses every decrypt. */
  quotaPerDay: number;
}

/**
 * The quota counts orders: each (tid) decrypted today once, whatever the scene or how often, so a task that asks
 * again for the same order spends nothing more. A call that would go past the quota is refused whole, before anything
 * is counted or handed out; an order already counted today can still be decrypted once the quota is spent.
 */
export function createOaidMethods(opts: OaidMethodsOptions) {
  let day = '';
  const counted = new Set<string>();
  const decrypt = (shop: SandboxShop, p: Params): Promise<MethodResult> =>
    guarded(() => {
      const now = opts.clock.now();
      const queries = parseQueries(p);
      const rows = queries.map((q) => {
        const t = shop.trade(q.tid);
        if (!t) throw new ParamError(E.business('isv.trade-not-exist', `交易${q.tid}不存在`));
        if (!shop.issuedOaid(q.oaid))
          throw new ParamError(E.business('isv.oaid-invalid', `oaid不合法或不存在：${q.oaid}`));
        return { q, t, matched: shop.oaidOf(t) === q.oaid };
      });
      const today = shanghaiDate(now);
      if (today !== day) {
        day = today;
        counted.clear();
      }
      const fresh = new Set(rows.filter((r) => r.matched && !counted.has(r.q.tid)).map((r) => r.q.tid));
      if (counted.size + fresh.size > opts.quotaPerDay && fresh.size > 0) {
        const seconds = Math.ceil((startOfShanghaiDay(today) + DAY - now) / 1000);
        throw new ParamError(E.apiCallLimited(seconds));
      }
      for (const tid of fresh) counted.add(tid);
      // An oaid of another order, or of a receiver since changed, is answered as not matched and with nothing plain:
      // the caller reads the order again (taobao.trade.fullinfo.get) for its current oaid.
      const receiver = rows.map((r) =>
        r.matched ? answer(shop, r.t, r.q, now) : { tid: r.q.tid, oaid: r.q.oaid, matched: false },
      );
      return { receiver_list: { receiver } };
    });
  return {
    methods: { 'taobao.top.oaid.decrypt': decrypt },
    /** Today's count, for tests and the sandbox's own page. */
    usedToday: (now = opts.clock.now()) => (shanghaiDate(now) === day ? counted.size : 0),
  };
}
