/**
 * Bounded waiting for the failure tests: a probe is asked again until it answers, and the deadline (said in the
 * call, with why it is that long) turns a hang into a failure naming what never happened. The wait decides nothing
 * by itself: what it waited for is asserted after it.
 */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  opts: { withinMs: number; everyMs?: number },
): Promise<T> {
  const deadline = Date.now() + opts.withinMs;
  let last: unknown;
  for (;;) {
    try {
      const seen = await probe();
      if (seen !== undefined) return seen;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline)
      throw new Error(`timed out after ${opts.withinMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, opts.everyMs ?? 100));
  }
}
