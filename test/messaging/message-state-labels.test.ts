/**
 * A message's states (outbound/message.ts) and the reasons it was refused, stopped, deferred or held
 * (reason-labels.ts) each have one list of names, served to the console by GET /api/labels.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGE_REASON_LABELS, MESSAGE_STATE_LABELS, MESSAGE_STATES } from '../../src/messaging/index.js';
import { copiesOutside } from '../support/literal-copies.js';

const MESSAGING = new URL('../../src/messaging', import.meta.url).pathname;
const tsFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );

/** Every code the messaging source writes as a reason: stateReason, a policy decision, a state check, a default. */
function reasonCodesInSource(): Set<string> {
  const codes = new Set<string>();
  const patterns = [/stateReason: '(\w+)'/g, /reason: '(\w+)'/g, /\bno\('(\w+)'\)/g, /reason = '(\w+)'/g];
  for (const file of tsFiles(MESSAGING).filter((f) => !f.endsWith('reason-labels.ts'))) {
    const text = readFileSync(file, 'utf8');
    for (const p of patterns) for (const m of text.matchAll(p)) codes.add(m[1]!);
    // A reason chosen between two: stateReason: x ? 'provider_capped' : 'provider_error'.
    for (const m of text.matchAll(/stateReason:[^,\n]*\?\s*'(\w+)'\s*:\s*'(\w+)'/g)) codes.add(m[1]!).add(m[2]!);
    // The policy's refusals and deferrals are also spelled in its types.
    for (const m of text.matchAll(/reason: ((?:'\w+'\s*\|\s*)+'\w+')/g)) {
      for (const code of m[1]!.matchAll(/'(\w+)'/g)) codes.add(code[1]!);
    }
  }
  for (const m of readFileSync(join(MESSAGING, 'policy/send-policy.ts'), 'utf8').matchAll(
    /EnqueueRefusal =([^;]+);/g,
  )) {
    for (const code of m[1]!.matchAll(/'(\w+)'/g)) codes.add(code[1]!);
  }
  return codes;
}

describe('message state and reason names', () => {
  it('when the source is searched, then no file but message.ts spells the name of a message state', () => {
    const names = Object.values(MESSAGE_STATE_LABELS);
    expect(names).toContain('待复制发送');
    expect(
      copiesOutside(names, ['src/messaging/outbound/message.ts'], {
        // The same words name a transfer state and the statement's queue of credits for a person.
        已取消: ['src/reconciliation/transfers/transfer-types.ts'],
        待人工确认: [
          'src/reconciliation/transfers/transfer-types.ts',
          'src/console/public/pages/transfer-statement.js',
        ],
        // The handover's title for a failed message (`中差评关怀 发送失败`), kept with the handover's texts.
        发送失败: ['src/handover/report-open-items.ts'],
      }),
    ).toEqual({});
  });

  it('when the source is searched, then no file but reason-labels.ts spells the name of a reason', () => {
    const names = Object.values(MESSAGE_REASON_LABELS);
    expect(names).toContain('买家已退订');
    expect(copiesOutside(names, ['src/messaging/reason-labels.ts'])).toEqual({});
  });

  it('when every state is named, then each has a Chinese name, in the order of MESSAGE_STATES', () => {
    expect(Object.keys(MESSAGE_STATE_LABELS)).toEqual([...MESSAGE_STATES]);
    for (const [state, name] of Object.entries(MESSAGE_STATE_LABELS)) expect(name, state).toMatch(/^[\u4e00-\u9fff]+$/);
  });

  it('when the messaging source writes a reason, then the list names it in Chinese, so no code reaches staff as English', () => {
    const codes = [...reasonCodesInSource()].sort();
    // The scan finds the codes of the policy, the state checks and the dispatcher (a broken scan finds none).
    expect(codes).toEqual(
      expect.arrayContaining(['opted_out', 'delivered_since', 'refused', 'provider_capped', 'cancelled_by_staff']),
    );
    expect(codes.filter((c) => !Object.hasOwn(MESSAGE_REASON_LABELS, c))).toEqual([]);
    for (const [reason, name] of Object.entries(MESSAGE_REASON_LABELS)) expect(name, reason).toMatch(/[\u4e00-\u9fff]/);
  });
});
