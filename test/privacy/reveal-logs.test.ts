/**
 * The service's own log lines about reveals (issue 18 part 7): who, which order and which scene, never a revealed
 * value, for a reveal shown and one refused; and a revealed receiver that reached a log line anyway leaves it masked.
 */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/shared/logger.js';
import { PLAIN, TID, privacyApp } from './support/privacy-app.js';

function capturingLogger() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: createLogger({ level: 'info', destination: destination as never }), lines };
}

const secrets = [PLAIN.name, PLAIN.mobile, PLAIN.addressDetail, PLAIN.mobile.slice(3)];

describe('reveal log lines', () => {
  it('when a receiver is revealed and then refused for the quota, then the log names who, the order and the scene, and holds none of the values', async () => {
    const { logger, lines } = capturingLogger();
    const app = await privacyApp({ logger });
    const shown = await app.as('azhang').post(`/orders/${TID}/receiver/reveal`, { scene: '1001', reason: '补打面单' });
    expect(shown.body.receiver.mobile).toBe(PLAIN.mobile);
    app.state.quotaSpent = true;
    await app.as('azhang').post(`/orders/${TID}/receiver/reveal`, { scene: '1001', reason: '补打面单' });

    const text = lines.join('');
    expect(text).toContain('receiver revealed');
    expect(text).toContain('receiver reveal failed');
    expect(lines.some((l) => l.includes(TID) && l.includes('"scene":"1001"') && l.includes('azhang'))).toBe(true);
    for (const secret of secrets) expect(text).not.toContain(secret);
  });

  it('when a revealed receiver is logged by mistake, then its name, mobile and detailed address leave masked (a mobile in text too)', async () => {
    const { logger, lines } = capturingLogger();
    const app = await privacyApp();
    const { body } = await app
      .as('admin')
      .post(`/orders/${TID}/receiver/reveal`, { scene: '1001', reason: '补打面单' });
    logger.info({ receiver: body.receiver }, 'oops');
    // In free text the masks find phones (a name in a sentence is not recognisable, so call sites log objects).
    logger.info(`revealed, calling ${body.receiver.mobile}`);
    const text = lines.join('');
    expect(text).toContain('139****5678');
    for (const secret of secrets) expect(text).not.toContain(secret);
  });
});
