import type { ParcelState } from '../logistics-port.js';
import { ownEntry } from '../../shared/own-entry.js';

/**
 * kuaidi100 物流状态 (base 0–14) and 高级物流状态 (detail codes) → our normalized states.
 * Source: "运单快递状态(state)说明" of the 实时快递查询接口 document, api.kuaidi100.com/document/5f0ffb5ebc8da837cbd8aefc
 * (mirror: apifox.com/apidoc/project-514987/api-8562559), cross-checked with kuaidi100-api/java-demo
 * QueryTrackResp.java. Detail codes belong to the base state of their first digit (1001–1003 to 0 在途,
 * 10–13 to 8 清关), except where the row says otherwise below.
 */
const CODES: Record<string, { state: ParcelState; name: string }> = {
  '0': { state: 'in_transit', name: '在途' },
  '1001': { state: 'in_transit', name: '到达派件城市' },
  '1002': { state: 'in_transit', name: '干线' },
  '1003': { state: 'in_transit', name: '转递' },
  '1': { state: 'collected', name: '揽收' },
  '101': { state: 'collected', name: '已下单' },
  '102': { state: 'collected', name: '待揽收' },
  '103': { state: 'collected', name: '已揽收' },
  '2': { state: 'problem', name: '疑难' },
  '201': { state: 'problem', name: '超时未签收' },
  '202': { state: 'problem', name: '超时未更新' },
  // 拒收 is filed under 疑难 by kuaidi100, but for the shop it is the buyer refusing the parcel.
  '203': { state: 'refused', name: '拒收' },
  '204': { state: 'problem', name: '派件异常' },
  // Left in a locker or 驿站 past the pick-up deadline: the buyer must be reminded.
  '205': { state: 'problem', name: '柜或驿站超时未取' },
  '206': { state: 'problem', name: '无法联系' },
  '207': { state: 'problem', name: '超区' },
  '208': { state: 'problem', name: '滞留' },
  '209': { state: 'problem', name: '破损' },
  '210': { state: 'problem', name: '销单' },
  '3': { state: 'signed', name: '签收' },
  '301': { state: 'signed', name: '本人签收' },
  '302': { state: 'signed', name: '派件异常后签收' },
  '303': { state: 'signed', name: '代签' },
  '304': { state: 'signed', name: '投柜或站签收' },
  '4': { state: 'returned', name: '退签' },
  '401': { state: 'returned', name: '已销单' },
  '5': { state: 'dispatching', name: '派件' },
  '501': { state: 'dispatching', name: '投柜或驿站' },
  '6': { state: 'returning', name: '退回' },
  '7': { state: 'in_transit', name: '转投' },
  '8': { state: 'customs', name: '清关' },
  '10': { state: 'customs', name: '待清关' },
  '11': { state: 'customs', name: '清关中' },
  '12': { state: 'customs', name: '已清关' },
  // Held by customs: someone has to act (documents, duties), so it is a problem, not a stage.
  '13': { state: 'problem', name: '清关异常' },
  '14': { state: 'refused', name: '拒签' },
};

/** The base states; every other known code is a detail code and is reported as `subState`. */
const BASE_CODES = new Set(['0', '1', '2', '3', '4', '5', '6', '7', '8', '14']);

const BY_NAME = new Map<string, ParcelState>(Object.values(CODES).map((c) => [c.name, c.state]));

/** Normalized state of a kuaidi100 state or detail code; an unlisted detail code falls back to its base state. */
export function stateOfCode(raw: string): ParcelState {
  const code = raw.trim();
  const known = ownEntry(CODES, code);
  if (known) return known.state;
  if (/^10\d\d$/.test(code)) return 'in_transit';
  if (/^[1-6]\d\d$/.test(code)) return ownEntry(CODES, code[0]!)?.state ?? 'unknown';
  return 'unknown';
}

/** The detail code worth keeping as `subState` (201, 205, 501, 13...), or null for a base state. */
export function subStateOfCode(raw: string): string | null {
  const code = raw.trim();
  if (BASE_CODES.has(code)) return null;
  return ownEntry(CODES, code) || /^\d{3,4}$/.test(code) ? code : null;
}

/**
 * Normalized state of a trace's state name (在途, 派件, 投柜或驿站...); undefined when the name is not one kuaidi100 documents.
 */
export function stateOfName(name: string): ParcelState | undefined {
  return BY_NAME.get(name.trim());
}

/** kuaidi100's name of every detail code (a parcel's `subState`: 201 → 超时未签收), for the order page. */
export function subStateNames(): Record<string, string> {
  const details = Object.entries(CODES).filter(([code]) => !BASE_CODES.has(code));
  return Object.fromEntries(details.map(([code, c]) => [code, c.name]));
}

/** The Chinese name of a code, for the sandbox courier's traces. */
export function nameOfCode(code: string): string | undefined {
  return ownEntry(CODES, code)?.name;
}

/** The base state (0–14) a detail code belongs to: what kuaidi100 reports when resultv2 does not ask for detail. */
export function baseOfCode(code: string): string {
  if (/^10\d\d$/.test(code)) return '0';
  if (/^[1-6]\d\d$/.test(code)) return code[0]!;
  if (/^1[0-3]$/.test(code)) return '8';
  return code;
}
