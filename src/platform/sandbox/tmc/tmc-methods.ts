import { formatTopTime } from '../../../shared/time.js';
import type { Params } from '../gateway.js';
import { guarded, ParamError, required, type MethodResult } from '../method-params.js';
import type { SandboxShop } from '../shop.js';
import { SANDBOX_SELLER_NICK } from '../credentials.js';
import { E } from '../top-errors.js';
import { bigId } from '../wire-trade.js';
import { SANDBOX_TOPICS } from './events.js';
import { sandboxTmc, SANDBOX_USER_ID } from './publisher.js';

const KNOWN: ReadonlySet<string> = new Set(SANDBOX_TOPICS);
const USER_FIELDS = new Set(['user_nick', 'topics', 'user_id', 'is_valid', 'created', 'modified']);

/**
 * The TOP methods of the message service: the seller's session permits the app's topics (taobao.tmc.user.permit,
 * optionally narrowed to `topics`), and taobao.tmc.user.get reports the seller's subscription.
 */
export const tmcMethods: Record<string, (shop: SandboxShop, p: Params) => Promise<MethodResult>> = {
  'taobao.tmc.user.permit': (shop, p) =>
    guarded(() => {
      const topics = p.topics
        ? p.topics
            .split(',')
            .map((t) => t.trim())
            .filter(Boolean)
        : undefined;
      const unknown = topics?.find((t) => !KNOWN.has(t));
      if (unknown) throw new ParamError(E.business('isv.topic-not-exist', `消息主题${unknown}不存在或应用未订阅`));
      sandboxTmc(shop).permit(topics);
      return { is_success: true };
    }),
  'taobao.tmc.user.get': (shop, p) =>
    guarded(() => {
      const fields = required(p, 'fields')
        .split(',')
        .map((f) => f.trim())
        .filter((f) => USER_FIELDS.has(f));
      const nick = required(p, 'nick');
      if (nick !== SANDBOX_SELLER_NICK) return {};
      const u = sandboxTmc(shop).user();
      const all: Record<string, unknown> = {
        user_nick: SANDBOX_SELLER_NICK,
        user_id: bigId(String(SANDBOX_USER_ID)),
        topics: { string: u.topics },
        is_valid: u.valid,
        created: formatTopTime(u.created),
        modified: formatTopTime(u.modified),
      };
      return { tmc_user: Object.fromEntries(fields.map((f) => [f, all[f]])) };
    }),
};
