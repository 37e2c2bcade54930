import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { DecryptQuotaError } from '../../../src/platform/platform-port.js';
import { createSandboxPlatform, createSandboxRouter, createSandboxShop } from '../../../src/platform/sandbox/index.js';
import { fixedClock } from '../../../src/shared/time.js';
import { NOW } from './fixtures.js';
import { tradesOf } from './oaid-rig.js';

/** xiaoer's own Taobao adapter over HTTP against the sandbox's decrypt: the wire fields meet the port's. */
async function adapterRig(quota: number) {
  const clock = fixedClock(NOW);
  const shop = createSandboxShop({ seed: 42, orders: 600, clock });
  const app = express();
  app.use('/sandbox', createSandboxRouter(shop, { clock, sleep: async () => {}, decryptQuotaPerDay: quota }));
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    shop,
    platform: createSandboxPlatform({ baseUrl, clock }),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

describe('the Taobao adapter decrypting through the sandbox', () => {
  it('when it decrypts 25 orders for customer care, then each comes back with its real mobile or a privacy number and its extension', async () => {
    const rig = await adapterRig(5000);
    close = rig.close;
    const trades = [...tradesOf(rig.shop, false, 20), ...tradesOf(rig.shop, true, 5)];
    const items = trades.map((t) => ({ tid: t.tid, oaid: rig.shop.oaidOf(t) }));
    const got = await rig.platform.decryptReceivers(items, '2002');
    expect(got.map((r) => r.tid)).toEqual(trades.map((t) => t.tid));
    for (const [i, t] of trades.entries()) {
      const r = got[i]!;
      expect(r).toMatchObject({ matched: true, name: '', addressDetail: '' });
      if (rig.shop.underPrivacyProtection(t)) {
        expect(r).toMatchObject({ privacyProtection: true, mobile: expect.stringMatching(/^17[01]\d{8}$/) });
        expect(r.extension).toMatch(/^\d{4}$/);
        expect(r.secretNoExpireAt).toEqual(expect.any(String));
      } else {
        expect(r).toMatchObject({ privacyProtection: false, mobile: rig.shop.plainReceiver(t).mobile, extension: '' });
      }
    }
  });

  it('when the sandbox quota is 0, then the adapter throws DecryptQuotaError ("not now")', async () => {
    const rig = await adapterRig(0);
    close = rig.close;
    const [t] = tradesOf(rig.shop, false, 1);
    await expect(rig.platform.decryptReceivers([{ tid: t!.tid, oaid: rig.shop.oaidOf(t!) }], '2002')).rejects.toThrow(
      DecryptQuotaError,
    );
  });
});
