/**
 * "查看完整收件人": a person who needs the receiver in full (the assistant fixing a label, the keeper writing a
 * waybill, the admin) asks for it with a scene her role may declare (privacy-labels' revealScenesOf) and a reason;
 * the service decrypts it from the platform for that scene, answers it once and keeps nothing of it. Every attempt
 * is in the access log before the answer leaves, so no receiver is ever shown unlogged.
 */
import { may, type User } from '../accounts/index.js';
import type { StoredOrder } from '../orders/index.js';
import {
  DecryptQuotaError,
  INTERACTIVE_PATIENCE_MS,
  type DecryptedReceiver,
  type DecryptScene,
  type ShopPlatform,
} from '../platform/index.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';
import type { AccessLog } from './access-log.js';
import {
  DECRYPT_SCENE_LABELS,
  REVEAL_SCENES,
  revealScenesOf,
  type AccessOutcome,
  type RevealScene,
} from './privacy-labels.js';

export const REASON_MIN = 2;
export const REASON_MAX = 200;

/** What a scene shows: the platform returns only these, and the answer carries no more than its scene's fields. */
type Part = 'name' | 'phones' | 'address';
const SCENE_PARTS: Readonly<Record<RevealScene, readonly Part[]>> = {
  '1001': ['name', 'phones', 'address'],
  '1002': ['name', 'phones', 'address'],
  '1003': ['name', 'phones', 'address'],
  '1004': ['name', 'phones', 'address'],
  '1005': ['name', 'phones', 'address'],
  '1006': ['name', 'phones', 'address'],
  '1007': ['name', 'phones', 'address'],
  '1008': ['address'],
  '1009': ['name'],
};

export interface RevealedReceiver {
  tid: string;
  scene: RevealScene;
  sceneLabel: string;
  name?: string;
  mobile?: string;
  extension?: string;
  phone?: string;
  state?: string;
  city?: string;
  district?: string;
  town?: string;
  addressDetail?: string;
  privacyProtection: boolean;
  secretNoExpireAt: string | null;
}

export interface RevealDeps {
  platform: Pick<ShopPlatform, 'decryptReceivers' | 'getOrder'>;
  orders: { get(tid: string): StoredOrder | undefined };
  log: AccessLog;
  logger: Logger;
}

export function isRevealScene(scene: string): scene is RevealScene {
  return (REVEAL_SCENES as readonly string[]).includes(scene);
}

function shown(d: DecryptedReceiver, scene: RevealScene): RevealedReceiver {
  const parts = SCENE_PARTS[scene];
  return {
    tid: d.tid,
    scene,
    sceneLabel: DECRYPT_SCENE_LABELS[scene],
    ...(parts.includes('name') ? { name: d.name } : {}),
    ...(parts.includes('phones') ? { mobile: d.mobile, extension: d.extension, phone: d.phone } : {}),
    ...(parts.includes('address')
      ? { state: d.state, city: d.city, district: d.district, town: d.town, addressDetail: d.addressDetail }
      : {}),
    privacyProtection: d.privacyProtection,
    secretNoExpireAt: d.secretNoExpireAt,
  };
}

export function createRevealService(deps: RevealDeps) {
  const patience = { patienceMs: INTERACTIVE_PATIENCE_MS };

  async function decryptOnce(tid: string, scene: DecryptScene): Promise<DecryptedReceiver | undefined> {
    const stored = deps.orders.get(tid);
    if (!stored) throw new NotFoundError({ message: `没有找到订单 ${tid}`, code: 'order_not_found', params: { tid } });
    let oaid = stored.receiver.oaid;
    // An order stored before the platform gave oaids, or whose receiver changed since: the platform's order says.
    const fresh = async () => (await deps.platform.getOrder(tid, patience)).receiver.oaid;
    oaid ??= await fresh();
    if (!oaid) return undefined;
    let [got] = await deps.platform.decryptReceivers([{ tid, oaid }], scene, patience);
    if (got && !got.matched) {
      const now = await fresh();
      if (now && now !== oaid) [got] = await deps.platform.decryptReceivers([{ tid, oaid: now }], scene, patience);
    }
    return got && got.matched ? got : undefined;
  }

  return {
    async reveal(user: User, tid: string, scene: string, reason: string): Promise<RevealedReceiver> {
      if (!may(user.role, 'order.receiver'))
        throw new ForbiddenError({ message: '你的账号不能查看完整收件人', code: 'reveal_forbidden' });
      if (!isRevealScene(scene) || !revealScenesOf(user.role).includes(scene))
        throw new ValidationError({ message: '请选择查看用途', code: 'scene_invalid', field: 'scene' });
      const why = reason.trim();
      if ([...why].length < REASON_MIN)
        throw new ValidationError({ message: '请写明查看的原因', code: 'field_required', field: 'reason' });
      const record = (outcome: AccessOutcome) => deps.log.append({ user, tid, scene, reason: why, outcome });
      let got: DecryptedReceiver | undefined;
      try {
        got = await decryptOnce(tid, scene);
      } catch (err) {
        if (err instanceof NotFoundError) throw err;
        await record(err instanceof DecryptQuotaError ? 'quota' : 'failed');
        deps.logger.warn({ by: user.username, tid, scene, err }, 'receiver reveal failed');
        if (err instanceof DecryptQuotaError)
          throw new ConflictError({
            message: '今天的收件人解密额度已用完，明天 0 点以后才能再查看',
            code: 'decrypt_quota_spent',
            params: { retryAt: err.retryAt },
          });
        throw err;
      }
      if (!got) {
        await record('failed');
        throw new ConflictError({
          message: '平台没有给出这笔订单的收件人，可能订单已关闭或收件人已更改，请刷新订单后再试',
          code: 'receiver_not_decrypted',
          params: { tid },
        });
      }
      await record('shown');
      deps.logger.info({ by: user.username, tid, scene }, 'receiver revealed');
      return shown(got, scene);
    },
  };
}

export type RevealService = ReturnType<typeof createRevealService>;
