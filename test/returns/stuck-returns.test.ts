/**
 * A return not moving for three days is an open item of the handover (issue 17 part 5): a parcel the sandbox courier
 * leaves at a hub, followed through the real adapter and tracker, is listed by the returns feature once three days
 * pass without a scan, and the handover shows it among the parcels in trouble with the order and the buyer; a parcel
 * that arrives is not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ROSTER } from '../../src/roster/index.js';
import { STUCK_AFTER_MS, type ReturnView } from '../../src/returns/index.js';
import { DAY, HOUR, shanghaiDate } from '../../src/shared/time.js';
import { startOpsRig } from '../operations/support/ops-rig.js';
import { returnsRig, type ReturnsRig } from './support/returns-rig.js';

let rig: ReturnsRig;
let stuck: ReturnView;
let arriving: ReturnView;

beforeAll(async () => {
  rig = await returnsRig();
  for (let i = 0; i < 12; i++) rig.advance(60_000);
  rig.advance(3 * HOUR);
  for (let i = 0; i < 8; i++) rig.advance(12 * HOUR);
  await rig.sync();
  const sent = rig.returns.service.list('in_transit');
  const fate = (v: ReturnView) => rig.lineOf(v).line.rf!.parcel!.fate;
  stuck = sent.find((v) => fate(v) === 'stuck')!;
  arriving = sent.find((v) => fate(v) === 'normal')!;
}, 60_000);
afterAll(() => rig.close());

describe('a return not moving for three days', () => {
  it('when a return parcel has had a scan within three days, then it is not an open item', () => {
    expect(stuck).toBeDefined();
    expect(arriving).toBeDefined();
    const now = rig.returns.service.get(stuck.id);
    expect(now.stuck).toBe(false);
    expect(rig.clock.now() - Date.parse(now.movedAt!)).toBeLessThan(STUCK_AFTER_MS);
  });

  it('when the parcel sits at a hub for three days, then the return is listed as stuck and the one that arrived is not', async () => {
    rig.advance(4 * DAY);
    await rig.sync();
    const list = rig.returns.service.stuck();
    const item = list.find((s) => s.id === stuck.id)!;
    expect(item).toMatchObject({ tid: stuck.tid, buyerNick: stuck.buyerNick });
    expect(item.title).toBe(`退货超过3天没有动静（退货在途）：${stuck.title}`);
    expect(item.detail).toContain(stuck.parcel!.waybill);
    expect(rig.clock.now() - Date.parse(item.since)).toBeGreaterThanOrEqual(STUCK_AFTER_MS);
    expect(list.map((s) => s.id)).not.toContain(arriving.id);
    expect(rig.returns.service.get(arriving.id).state).toBe('returned');
  });

  it('when the handover is built, then the stuck return is one of its open items, with its order and buyer', async () => {
    const ops = await startOpsRig({
      now: new Date(rig.clock.now()).toISOString(),
      deps: { initialRoster: DEMO_ROSTER, returns: rig.returns.service },
    });
    const date = shanghaiDate(rig.clock.now());
    const report = await ops.ops.handoverReport('day', date);
    const items = report.openItems.flatMap((g) => g.items).filter((i) => i.key.startsWith('return:'));
    expect(items.map((i) => [i.key, i.tid, i.buyerNick])).toContainEqual([
      `return:${stuck.id}`,
      stuck.tid,
      stuck.buyerNick,
    ]);
    const markdown = await ops.ops.handoverMarkdown('day', date);
    // Listed with the parcels in trouble (异常包裹), by its own title.
    expect(items.find((i) => i.key === `return:${stuck.id}`)!.kind).toBe('parcel');
    expect(markdown).toContain('退货超过3天没有动静（退货在途）');
  });
});
