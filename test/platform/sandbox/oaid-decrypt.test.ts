import { describe, expect, it } from 'vitest';
import { createSandboxShop } from '../../../src/platform/sandbox/shop.js';
import { createMemoryStore } from '../../../src/storage/memory-store.js';
import { fixedClock, formatTopTime } from '../../../src/shared/time.js';
import request from 'supertest';
import { CREDS, thirdPartySign, topTimestamp } from './third-party-client.js';
import { NOW } from './fixtures.js';
import { oaidRig, tradesOf } from './oaid-rig.js';

const DAY = 86_400_000;
type Rig = ReturnType<typeof oaidRig>;
const item = (rig: Rig, tid: string, scene: string, extra: { secret_no_days?: number } = {}) => ({
  tid,
  oaid: rig.shop.oaidOf(rig.shop.trade(tid)!),
  scene,
  ...extra,
});
const receivers = (json: any) => json.top_oaid_decrypt_response.receiver_list.receiver as Record<string, unknown>[];

describe('taobao.top.oaid.decrypt on the sandbox', () => {
  it('when a third-party client decrypts with scene 2002 the oaid it read from fullinfo, then it gets the full mobile and nothing else plain', async () => {
    const rig = oaidRig();
    const [t] = tradesOf(rig.shop, false, 1);
    const oaid = (await rig.fullinfo(t!.tid)).oaid as string;
    const { json } = await rig.decrypt([{ tid: t!.tid, oaid, scene: '2002' }]);
    const [r] = receivers(json);
    const plain = rig.shop.plainReceiver(t!);
    expect(r).toMatchObject({ tid: t!.tid, oaid, matched: true, mobile: plain.mobile, privacy_protection: false });
    expect(r!.mobile).toMatch(/^1[3-9]\d{9}$/);
    expect(r).not.toHaveProperty('name');
    expect(r).not.toHaveProperty('address_detail');
    expect(r).not.toHaveProperty('secret_no_expire_time');
  });

  it('when a buyer is under privacy protection, then the mobile is a privacy number with its extension, reused until it expires', async () => {
    const rig = oaidRig();
    const [t] = tradesOf(rig.shop, true, 1);
    const first = receivers((await rig.decrypt([item(rig, t!.tid, '2002')])).json)[0]!;
    expect(first.mobile).toMatch(/^17[01]\d{8}-\d{4}$/);
    expect(first.mobile).not.toContain(rig.shop.plainReceiver(t!).mobile);
    expect(first).toMatchObject({ privacy_protection: true, secret_no_expire_time: formatTopTime(NOW + 15 * DAY) });

    rig.clock.advance(3 * DAY);
    const again = receivers((await rig.decrypt([item(rig, t!.tid, '1004', { secret_no_days: 7 })])).json)[0]!;
    expect(again).toMatchObject({ mobile: first.mobile, secret_no_expire_time: first.secret_no_expire_time });

    rig.clock.set(NOW + 15 * DAY + 1000);
    const later = receivers((await rig.decrypt([item(rig, t!.tid, '2001', { secret_no_days: 7 })])).json)[0]!;
    expect(later.mobile).toMatch(/^17[01]\d{8}-\d{4}$/);
    expect(later.mobile).not.toBe(first.mobile);
    expect(later.secret_no_expire_time).toBe(formatTopTime(NOW + 22 * DAY + 1000));
  });

  it('when each scene is asked, then only the fields its purpose needs come back', async () => {
    const rig = oaidRig();
    const [t] = tradesOf(rig.shop, false, 1);
    const plain = rig.shop.plainReceiver(t!);
    const scenes = ['1001', '1007', '1008', '1009', '2001'];
    const list = receivers((await rig.decrypt(scenes.map((s) => item(rig, t!.tid, s)))).json);
    const got = (i: number) => [list[i]!.name, list[i]!.mobile, list[i]!.address_detail];
    expect(got(0)).toEqual([plain.name, plain.mobile, plain.address]);
    expect(got(1)).toEqual([plain.name, plain.mobile, plain.address]);
    expect(got(2)).toEqual([undefined, undefined, plain.address]);
    expect(got(3)).toEqual([plain.name, undefined, undefined]);
    expect(got(4)).toEqual([undefined, plain.mobile, undefined]);
    for (const r of list) expect(r).toMatchObject({ state: plain.state, city: plain.city, district: plain.district });
  });

  it('when the request is wrong, then the platform error names the parameter: over 20 items, an unknown scene, an unknown trade, a made-up oaid', async () => {
    const rig = oaidRig();
    const ts = tradesOf(rig.shop, false, 21);
    const over = await rig.decrypt(ts.map((t) => item(rig, t.tid, '1004')));
    expect(over.json.error_response).toMatchObject({ code: 41, sub_code: 'isv.invalid-parameter:query_list' });
    expect(
      (await rig.decrypt(ts.slice(0, 20).map((t) => item(rig, t.tid, '1004')))).json.error_response,
    ).toBeUndefined();

    const scene = await rig.decrypt([item(rig, ts[0]!.tid, '3001')]);
    expect(scene.json.error_response).toMatchObject({ code: 41, sub_code: 'isv.invalid-parameter:scene' });

    const unknown = await rig.decrypt([{ ...item(rig, ts[0]!.tid, '2002'), tid: '1234567890123456789' }]);
    expect(unknown.json.error_response).toMatchObject({ code: 15, sub_code: 'isv.trade-not-exist' });

    const good = item(rig, ts[0]!.tid, '2002');
    // One character changed in the body, and the last one respelled (its 2 unused bits set): neither is issued.
    const forged = `${good.oaid.slice(0, 10)}${good.oaid[10] === 'A' ? 'B' : 'A'}${good.oaid.slice(11)}`;
    const last = good.oaid.at(-1)!;
    const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const respelled = `${good.oaid.slice(0, -1)}${B64[B64.indexOf(last) ^ 1]}`;
    for (const oaid of [forged, respelled]) {
      const made = await rig.decrypt([{ ...good, oaid }]);
      expect(made.json.error_response, oaid).toMatchObject({ code: 15, sub_code: 'isv.oaid-invalid' });
    }
    const missing = await rig.call('taobao.top.oaid.decrypt', {});
    expect(missing.json.error_response).toMatchObject({ code: 40, sub_code: 'isv.missing-parameter:query_list' });
  });

  it('when an oaid belongs to another order, then it is answered as not matched and with nothing plain', async () => {
    const rig = oaidRig();
    const [a, b] = tradesOf(rig.shop, false, 2);
    const [r] = receivers((await rig.decrypt([{ ...item(rig, b!.tid, '1004'), tid: a!.tid }])).json);
    expect(r).toEqual({ tid: a!.tid, oaid: rig.shop.oaidOf(b!), matched: false });
  });

  it('when the client sends the tid as a bare 19-digit JSON number, then it is read exactly', async () => {
    const rig = oaidRig();
    const [t] = tradesOf(rig.shop, false, 1);
    const q = item(rig, t!.tid, '2002');
    const text = `[{"tid":${t!.tid},"oaid":"${q.oaid}","scene":"2002","secret_no_days":15}]`;
    const { json } = await rig.call('taobao.top.oaid.decrypt', { query_list: text });
    expect(receivers(json)[0]).toMatchObject({ tid: t!.tid, matched: true, mobile: rig.shop.plainReceiver(t!).mobile });
  });
});

describe('taobao.top.oaid.decrypt in the platform default format (xml)', () => {
  it('when a client asks without format=json, then the receivers come as an XML list', async () => {
    const rig = oaidRig();
    const [t] = tradesOf(rig.shop, false, 1);
    const params: Record<string, string> = {
      method: 'taobao.top.oaid.decrypt',
      app_key: CREDS.appKey,
      session: CREDS.session,
      timestamp: topTimestamp(NOW),
      v: '2.0',
      sign_method: 'md5',
      query_list: JSON.stringify([item(rig, t!.tid, '1009')]),
    };
    params.sign = thirdPartySign(params, CREDS.secret, 'md5');
    const res = await request(rig.app).get('/sandbox/router/rest').query(params);
    expect(res.text).toContain('<top_oaid_decrypt_response><receiver_list list="true"><receiver>');
    expect(res.text).toContain(`<tid>${t!.tid}</tid>`);
    expect(res.text).toContain(`<name>${rig.shop.plainReceiver(t!).name}</name>`);
    expect(res.text).not.toContain('<mobile>');
  });
});

describe('the daily decrypt quota', () => {
  it('when the day quota is spent, then the platform refuses with its flow-control error until midnight in Shanghai; an order already decrypted today costs nothing', async () => {
    const rig = oaidRig({ quota: 3 });
    const ts = tradesOf(rig.shop, false, 5);
    expect(
      (await rig.decrypt(ts.slice(0, 2).map((t) => item(rig, t.tid, '2002')))).json.error_response,
    ).toBeUndefined();
    // Two more would make 4 of 3: refused whole, nothing handed out.
    const over = await rig.decrypt(ts.slice(2, 4).map((t) => item(rig, t.tid, '2002')));
    // NOW is 16:00 in Shanghai: 8 hours to midnight.
    expect(over.json.error_response).toEqual({
      code: 7,
      msg: 'App Call Limited',
      sub_code: 'accesscontrol.limited-by-api-access-count',
      sub_msg: `This ban will last for ${8 * 3600} more seconds`,
      request_id: expect.any(String),
    });
    expect((await rig.decrypt([item(rig, ts[2]!.tid, '1004')])).json.error_response).toBeUndefined();
    expect((await rig.decrypt([item(rig, ts[3]!.tid, '2002')])).json.error_response).toMatchObject({ code: 7 });
    expect((await rig.decrypt([item(rig, ts[0]!.tid, '1009')])).json.error_response).toBeUndefined();

    rig.clock.set(NOW + 8 * 3600_000);
    expect((await rig.decrypt([item(rig, ts[3]!.tid, '2002')])).json.error_response).toBeUndefined();
  });

  it('when the quota is 0, then every decrypt is refused', async () => {
    const rig = oaidRig({ quota: 0 });
    const [t] = tradesOf(rig.shop, false, 1);
    expect((await rig.decrypt([item(rig, t!.tid, '2002')])).json.error_response).toMatchObject({
      code: 7,
      sub_code: 'accesscontrol.limited-by-api-access-count',
    });
  });
});

describe('privacy protection', () => {
  it('when the sandbox is opened again on its store, then an order keeps its privacy number until it expires', async () => {
    const store = createMemoryStore();
    const first = createSandboxShop({ seed: 42, orders: 200, clock: fixedClock(NOW), store });
    const [t] = tradesOf(first, true, 1);
    const bound = first.privacyNumber(t!.tid, NOW, 15);
    await first.flush();
    const second = createSandboxShop({ seed: 42, orders: 200, clock: fixedClock(NOW + DAY), store });
    expect(second.privacyNumber(t!.tid, NOW + DAY, 7)).toEqual(bound);
    expect(second.privacyNumber(t!.tid, NOW + 16 * DAY, 7).mobile).not.toBe(bound.mobile);
  });

  it('covers about one domestic buyer in 8, the same ones for the same seed', () => {
    const rig = oaidRig();
    const all = rig.shop.tradesByCreated(0, NOW, {}, { pageNo: 1, pageSize: 10_000 }).items;
    const byBuyer = new Map(all.map((t) => [t.buyer, rig.shop.underPrivacyProtection(t)]));
    const share = [...byBuyer.values()].filter(Boolean).length / byBuyer.size;
    expect(share).toBeGreaterThan(1 / 16);
    expect(share).toBeLessThan(1 / 5);
    const twin = oaidRig();
    expect(all.every((t) => twin.shop.underPrivacyProtection(t) === byBuyer.get(t.buyer))).toBe(true);
  });
});
