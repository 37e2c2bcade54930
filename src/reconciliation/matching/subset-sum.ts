/**
 * Ways to pick 2..maxItems of the given amounts that add up to the target exactly. Stops at `limit` solutions:
 * the matcher only needs to know whether there is none, one, or more than one.
 */
export function exactSubsets(amounts: readonly number[], target: number, maxItems = 5, limit = 2): number[][] {
  const order = amounts
    .map((a, i) => ({ a, i }))
    .filter((x) => x.a > 0 && x.a < target)
    .sort((x, y) => y.a - x.a || x.i - y.i);
  const solutions: number[][] = [];
  const picked: number[] = [];
  // suffix sums let a branch stop as soon as the remaining amounts cannot reach the target
  const suffix: number[] = new Array(order.length + 1).fill(0);
  for (let k = order.length - 1; k >= 0; k--) suffix[k] = suffix[k + 1]! + order[k]!.a;
  const walk = (start: number, remaining: number): void => {
    if (solutions.length >= limit) return;
    if (remaining === 0) {
      if (picked.length >= 2) solutions.push(picked.map((k) => order[k]!.i).sort((a, b) => a - b));
      return;
    }
    if (picked.length === maxItems || suffix[start]! < remaining) return;
    for (let k = start; k < order.length; k++) {
      const a = order[k]!.a;
      if (a > remaining) continue;
      picked.push(k);
      walk(k + 1, remaining - a);
      picked.pop();
      if (solutions.length >= limit) return;
    }
  };
  walk(0, target);
  return solutions;
}
