/**
 * Message kinds as staff read them: the buyer kinds (templates/metadata.ts) and the staff notice, in one
 * table for GET /api/labels and the handover report. An unknown kind (an old record) shows as it is.
 */
import { ownEntry } from '../shared/own-entry.js';
import { NOTICE_KIND_LABELS } from './outbound/message.js';
import { MESSAGE_KIND_LABELS } from './templates/metadata.js';

const ALL: Readonly<Record<string, string>> = { ...MESSAGE_KIND_LABELS, ...NOTICE_KIND_LABELS };

export function messageKindLabels(): Record<string, string> {
  return { ...ALL };
}

export function messageKindLabel(kind: string): string {
  return ownEntry(ALL, kind) ?? kind;
}
