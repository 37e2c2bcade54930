/**
 * The privacy access log: every reveal of a receiver, appended once and never changed. It holds who (from the
 * session), when, which order, which scene, why and how it went, never the revealed values; the reason is the
 * person's own words, so phones, ID numbers and cards in it are masked before it is written.
 */
import { randomUUID } from 'node:crypto';
import type { Role, User } from '../accounts/index.js';
import { excelCsv } from '../shared/excel-csv.js';
import { maskText } from '../shared/mask.js';
import { formatTopTime, parseInstant, shanghaiDate, toInstant, type Clock } from '../shared/time.js';
import type { Store } from '../storage/index.js';
import type { DecryptScene } from '../platform/index.js';
import {
  ACCESS_LOG_HEADERS,
  ACCESS_OUTCOME_LABELS,
  DECRYPT_SCENE_LABELS,
  type AccessOutcome,
} from './privacy-labels.js';

export const ACCESS_LOG = 'privacy-access-log';

export interface AccessRecord {
  id: string;
  at: string;
  username: string;
  displayName: string;
  role: Role;
  tid: string;
  scene: DecryptScene;
  reason: string;
  outcome: AccessOutcome;
}

export interface AccessFilter {
  /** 'YYYY-MM-DD' Shanghai days, both included. */
  from?: string;
  to?: string;
  username?: string;
  tid?: string;
  scene?: DecryptScene;
}

export interface AccessLog {
  append(entry: {
    user: User;
    tid: string;
    scene: DecryptScene;
    reason: string;
    outcome: AccessOutcome;
  }): Promise<AccessRecord>;
  /** Newest first. */
  list(filter?: AccessFilter): Promise<AccessRecord[]>;
}

function matches(r: AccessRecord, f: AccessFilter): boolean {
  const day = shanghaiDate(parseInstant(r.at));
  return (
    (!f.from || day >= f.from) &&
    (!f.to || day <= f.to) &&
    (!f.username || r.username === f.username) &&
    (!f.tid || r.tid === f.tid) &&
    (!f.scene || r.scene === f.scene)
  );
}

export function createAccessLog(deps: { store: Store; clock: Clock }): AccessLog {
  const log = deps.store.log<AccessRecord>(ACCESS_LOG);
  return {
    async append({ user, tid, scene, reason, outcome }) {
      const record: AccessRecord = {
        id: randomUUID(),
        at: toInstant(deps.clock.now()),
        username: user.username,
        displayName: user.displayName,
        role: user.role,
        tid,
        scene,
        reason: maskText(reason.trim()),
        outcome,
      };
      await log.append(record);
      return record;
    },
    async list(filter = {}) {
      const out: AccessRecord[] = [];
      for await (const r of log.read()) if (matches(r, filter)) out.push(r);
      return out.reverse();
    },
  };
}

/** The access log as a CSV Excel opens cleanly (UTF-8 with BOM, order numbers kept as text, no formulas). */
export function accessLogCsv(records: readonly AccessRecord[], roleLabels: Readonly<Record<string, string>>): Buffer {
  return excelCsv(
    ACCESS_LOG_HEADERS,
    records.map((r) => [
      formatTopTime(parseInstant(r.at)),
      r.username,
      r.displayName,
      roleLabels[r.role] ?? r.role,
      r.tid,
      `${r.scene} ${DECRYPT_SCENE_LABELS[r.scene] ?? ''}`.trim(),
      r.reason,
      ACCESS_OUTCOME_LABELS[r.outcome] ?? r.outcome,
    ]),
  );
}
