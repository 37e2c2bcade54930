/**
 * Seller flags (旗帜). The platform stores an integer: 0 none/grey, 1 red, 2 yellow, 3 green,
 * 4 blue, 5 purple (some documents say pink), 6–10 on newer platforms. Labels are configuration; the
 * defaults are the names staff read on the console (GET /api/labels serves them).
 */

export const FLAG = { none: 0, red: 1, yellow: 2, green: 3, blue: 4, purple: 5 } as const;

export const DEFAULT_FLAG_LABELS: Readonly<Record<number, string>> = {
  0: '无旗',
  1: '红旗',
  2: '黄旗',
  3: '绿旗',
  4: '蓝旗',
  5: '紫旗',
};

export function flagLabel(flag: number, labels: Readonly<Record<number, string>> = DEFAULT_FLAG_LABELS): string {
  return labels[flag] ?? `${flag}号旗`;
}

/** How strongly a flag calls for attention in this shop: red > yellow > green > none. */
const RANK: Readonly<Record<number, number>> = { 0: 0, 3: 1, 2: 2, 1: 3 };

/**
 * The flag to write after adding a remark that wants `wanted`.
 * Never downgrades (a red order stays red when a green sale record is added), and leaves blue,
 * purple and 6–10 alone: someone set those by hand for a reason the catalogue does not know.
 */
export function mergeFlag(current: number, wanted: number | null): number {
  if (!Number.isInteger(current) || current < 0) throw new RangeError(`not a platform flag: ${current}`);
  if (wanted === null || wanted === 0) return current;
  const wantedRank = RANK[wanted];
  if (wantedRank === undefined) throw new RangeError(`a remark only asks for red, yellow or green, got ${wanted}`);
  const currentRank = RANK[current];
  if (currentRank === undefined) return current;
  return wantedRank > currentRank ? wanted : current;
}
