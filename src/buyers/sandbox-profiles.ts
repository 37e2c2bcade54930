/**
 * The sandbox shop's buyers telling the shop their birthday or ID number, as real buyers do in chat (issue 18, part
 * 6). The platform hands out neither; the sandbox keeps them among its own plain data (data/sandbox/), and they reach
 * xiaoer only the way a real buyer's do: recorded on the buyer's profile through the profile service, as a staff
 * member would, so the ID number is checked, kept masked, and only its birth date kept in full. Run at start in
 * sandbox mode; a buyer whose profile already has a birthday or an ID number, or was recorded before, is left as is.
 */
import type { User } from '../accounts/index.js';
import type { Logger } from '../shared/logger.js';
import { maskIdNumber } from '../shared/mask.js';
import type { Profiles, ProfileInput } from './buyer-profile.js';

/** Who the profile history names for these entries: the sandbox's buyers speaking, not a colleague. */
export const SANDBOX_RECORDER: User = { username: 'sandbox', displayName: '沙箱买家告知', role: 'staff' };

export interface SandboxBuyerFacts {
  nick: string;
  birthday: string | null;
  idNumber: string | null;
}

export async function recordSandboxProfiles(deps: {
  profiles: Pick<Profiles, 'get' | 'saveMany'>;
  buyers: () => Iterable<SandboxBuyerFacts>;
  logger: Logger;
}): Promise<{ recorded: number; refused: number }> {
  const changes: { nick: string; input: ProfileInput; fallback: ProfileInput | null }[] = [];
  for (const b of deps.buyers()) {
    if (!b.birthday && !b.idNumber) continue;
    const p = deps.profiles.get(b.nick);
    if (p && (p.birthday || p.idNumberMasked || p.history.some((h) => h.by === SANDBOX_RECORDER.username))) continue;
    const input: ProfileInput = b.idNumber ? { idNumber: b.idNumber } : { birthday: b.birthday };
    changes.push({ nick: b.nick, input, fallback: b.idNumber && b.birthday ? { birthday: b.birthday } : null });
  }
  if (!changes.length) return { recorded: 0, refused: 0 };
  const first = await deps.profiles.saveMany(changes, SANDBOX_RECORDER);
  // An ID number that fails its check is refused as it would be at the counter; a birthday given too still counts.
  const refusedNicks = new Set(first.refused.map((r) => r.nick));
  const retry = changes.filter((c) => refusedNicks.has(c.nick) && c.fallback);
  const second = retry.length
    ? await deps.profiles.saveMany(
        retry.map((c) => ({ nick: c.nick, input: c.fallback! })),
        SANDBOX_RECORDER,
      )
    : { saved: 0, refused: [] };
  if (first.refused.length)
    deps.logger.warn(
      {
        refused: first.refused.slice(0, 20).map((r) => ({
          nick: r.nick,
          idNumber: maskIdNumber(changes.find((c) => c.nick === r.nick)?.input.idNumber ?? ''),
          code: r.error.code,
        })),
        count: first.refused.length,
      },
      'sandbox buyers: ID numbers that fail the check were not recorded',
    );
  return { recorded: first.saved + second.saved, refused: first.refused.length - second.saved };
}
