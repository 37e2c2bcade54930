import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEMO_PASSWORD } from '../../../src/accounts/accounts.js';
import { MAX_STATEMENT_BYTES } from '../../../src/reconciliation/statement/index.js';
import { startTransfers, type TransfersHarness } from './support/transfer-harness.js';

const TEN_MB = 10 * 1024 * 1024;

type Answer = { status: number; body: { error?: Record<string, unknown> } };

/** A multipart upload sent chunked, so the server learns the size only by reading: what Content-Length cannot catch. */
async function chunkedUpload(h: TransfersHarness, token: string, fileBytes: number): Promise<Answer> {
  const server = h.app.listen(0);
  try {
    const { port } = server.address() as AddressInfo;
    const boundary = 'xiaoerboundary';
    return await new Promise((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/api/transfers/statements',
          headers: {
            authorization: `Bearer ${token}`,
            'content-type': `multipart/form-data; boundary=${boundary}`,
            'transfer-encoding': 'chunked',
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => {
            text += c;
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
        },
      );
      req.on('error', reject);
      req.write(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.csv"\r\nContent-Type: text/csv\r\n\r\n`,
      );
      const chunk = Buffer.alloc(256 * 1024, 'a,');
      for (let sent = 0; sent < fileBytes; sent += chunk.length) {
        req.write(chunk.subarray(0, Math.min(chunk.length, fileBytes - sent)));
      }
      req.end(`\r\n--${boundary}--\r\n`);
    });
  } finally {
    server.close();
  }
}

describe('statement upload size limit', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('the limit is 10 MB', () => {
    expect(MAX_STATEMENT_BYTES).toBe(TEN_MB);
  });

  it('when the file is one byte over 10 MB, then it is refused with 413 naming the limit in Chinese, and never parsed', async () => {
    const h = await startTransfers();
    const importing = vi.spyOn(h.service, 'importStatement');
    const res = await h
      .as('xiaozhou')
      .upload('/transfers/statements', { name: 'big.csv', bytes: Buffer.alloc(TEN_MB + 1, 'a') });
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({
      code: 'file_too_large',
      field: 'file',
      params: { maxMegabytes: 10 },
      message: expect.stringContaining('不能超过 10 MB'),
    });
    expect(importing).not.toHaveBeenCalled();
  });

  it('when a request declares far more than 10 MB, then it is refused with 413 before the body is read', async () => {
    const h = await startTransfers();
    const importing = vi.spyOn(h.service, 'importStatement');
    const res = await h
      .as('xiaozhou')
      .upload('/transfers/statements', { name: 'huge.csv', bytes: Buffer.alloc(3 * TEN_MB, 'a') });
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({ code: 'file_too_large', params: { maxMegabytes: 10 } });
    expect(importing).not.toHaveBeenCalled();
  });

  it('when a chunked request carries a file over 10 MB, then multer stops it at the limit with the same 413', async () => {
    const h = await startTransfers();
    const importing = vi.spyOn(h.service, 'importStatement');
    const login = await request(h.app).post('/api/session').send({ username: 'xiaozhou', password: DEMO_PASSWORD });
    const res = await chunkedUpload(h, login.body.token as string, TEN_MB + 64 * 1024);
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({ code: 'file_too_large', field: 'file' });
    expect(importing).not.toHaveBeenCalled();
  });
});
