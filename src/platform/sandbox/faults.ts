import { z } from 'zod';
import { systemClock, type Clock } from '../../shared/time.js';
import { createRng } from './generator/prng.js';

/** Switches for tests and benchmarks: how the sandbox gateway misbehaves. Settable at runtime. */
export interface FaultSettings {
  /** 0–1: share of calls answered with an isp.* (retriable) platform error. */
  errorRate: number;
  /** Added to every call. */
  latencyMs: number;
  /** Starts an app-call ban of this many seconds (code 7) when set; 0 lifts it. */
  rateLimitBanSeconds: number;
  /** 0–1: share of calls answered with a truncated, non-JSON body. */
  malformedRate: number;
  /** 0–1: share of calls answered with HTTP 502/503/504. */
  http5xxRate: number;
}

export const faultSettingsSchema = z
  .object({
    errorRate: z.number().min(0).max(1),
    latencyMs: z.number().int().min(0).max(60_000),
    rateLimitBanSeconds: z.number().int().min(0).max(86_400),
    malformedRate: z.number().min(0).max(1),
    http5xxRate: z.number().min(0).max(1),
  })
  .partial()
  .strict();

export type FaultDecision =
  | { kind: 'none' }
  | { kind: 'ban'; remainingSeconds: number }
  | { kind: 'http5xx'; status: 502 | 503 | 504 }
  | { kind: 'isp'; variant: number }
  | { kind: 'malformed' };

export interface SandboxFaults {
  /** Current switches; rateLimitBanSeconds is what is left of the ban. */
  settings(): FaultSettings;
  set(patch: Partial<FaultSettings>): FaultSettings;
  /** One decision per call, drawn from the seeded PRNG so a run of calls is repeatable. */
  decide(): FaultDecision;
}

export function createSandboxFaults(
  init: Partial<FaultSettings> = {},
  opts: { clock?: Clock; seed?: number } = {},
): SandboxFaults {
  const clock = opts.clock ?? systemClock;
  const rng = createRng(opts.seed ?? 0x5eed);
  const s = { errorRate: 0, latencyMs: 0, malformedRate: 0, http5xxRate: 0 };
  let banUntil = 0;
  const remaining = () => Math.max(0, Math.ceil((banUntil - clock.now()) / 1000));
  const settings = (): FaultSettings => ({ ...s, rateLimitBanSeconds: remaining() });
  const set = (patch: Partial<FaultSettings>): FaultSettings => {
    const p = faultSettingsSchema.parse(patch);
    if (p.errorRate !== undefined) s.errorRate = p.errorRate;
    if (p.latencyMs !== undefined) s.latencyMs = p.latencyMs;
    if (p.malformedRate !== undefined) s.malformedRate = p.malformedRate;
    if (p.http5xxRate !== undefined) s.http5xxRate = p.http5xxRate;
    if (p.rateLimitBanSeconds !== undefined) banUntil = clock.now() + p.rateLimitBanSeconds * 1000;
    return settings();
  };
  set(init);
  return {
    settings,
    set,
    decide() {
      const [r5xx, rErr, rBad, rVariant] = [rng.next(), rng.next(), rng.next(), rng.next()];
      const left = remaining();
      if (left > 0) return { kind: 'ban', remainingSeconds: left };
      if (r5xx < s.http5xxRate)
        return { kind: 'http5xx', status: ([502, 503, 504] as const)[Math.floor(rVariant * 3)]! };
      if (rErr < s.errorRate) return { kind: 'isp', variant: Math.floor(rVariant * 3) };
      if (rBad < s.malformedRate) return { kind: 'malformed' };
      return { kind: 'none' };
    },
  };
}
