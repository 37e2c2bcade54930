/** Recording complaints and moving them through their steps; the staff name always comes from the login. */
import { randomUUID } from 'node:crypto';
import type { User } from '../accounts/index.js';
import { ConflictError, NotFoundError, ValidationError } from '../shared/errors.js';
import { HOUR, toInstant, type Clock } from '../shared/time.js';
import type { Store } from '../storage/index.js';
import { createComplaintRepository } from './complaint-repository.js';
import {
  STAGE_TEXT,
  stageOf,
  viewComplaint,
  type Complaint,
  type ComplaintCategory,
  type ComplaintChannel,
  type ComplaintView,
  type Satisfaction,
  type Step,
} from './complaint.js';
import { workingDayDeadline } from './working-days.js';

const RESPOND_WITHIN_HOURS = 24;
const VERIFY_WITHIN_WORKING_DAYS = 3;

export interface NewComplaint {
  buyerNick: string;
  tid?: string | null;
  channel: ComplaintChannel;
  category: ComplaintCategory;
  content: string;
}

type StepName = 'respond' | 'verify' | 'outcome' | 'satisfaction';
const FIELD: Record<StepName, 'response' | 'verification' | 'outcome' | 'satisfaction'> = {
  respond: 'response',
  verify: 'verification',
  outcome: 'outcome',
  satisfaction: 'satisfaction',
};
/** Each step needs the one before it: verification after a first response, and so on. */
const STAGE_FOR: Record<StepName, ReturnType<typeof stageOf>> = {
  respond: 'awaiting_response',
  verify: 'awaiting_verification',
  outcome: 'awaiting_outcome',
  satisfaction: 'awaiting_satisfaction',
};

export function createComplaintService(deps: { store: Store; clock: Clock; holidays?: readonly string[] }) {
  const { clock } = deps;
  const repo = createComplaintRepository(deps.store);
  const holidays = new Set(deps.holidays ?? []);
  const view = (c: Complaint) => viewComplaint(c, clock.now());

  async function step(
    id: string,
    name: StepName,
    user: User,
    note: string,
    level?: Satisfaction,
  ): Promise<ComplaintView> {
    const done = await repo.update(id, (c) => {
      if (!c)
        throw new NotFoundError({
          message: '没有找到这条投诉，请刷新后重试',
          code: 'complaint_not_found',
          params: { id },
        });
      const stage = stageOf(c);
      if (stage !== STAGE_FOR[name]) {
        if (c[FIELD[name]]) return c; // the same step twice: keep the first record
        throw new ConflictError({
          message: `这条投诉当前${STAGE_TEXT[stage]}，不能执行这一步，请刷新后再看`,
          code: 'complaint_stage',
          params: { id, stage, step: name },
        });
      }
      const s: Step = { at: toInstant(clock.now()), by: user.username, byName: user.displayName, note: note.trim() };
      return { ...c, [FIELD[name]]: name === 'satisfaction' ? { ...s, level: level! } : s };
    });
    return view(done);
  }

  return {
    async record(input: NewComplaint, user: User): Promise<ComplaintView> {
      if (!input.buyerNick.trim())
        throw new ValidationError({ message: '请填写买家', code: 'field_required', field: 'buyerNick' });
      if (!input.content.trim())
        throw new ValidationError({ message: '请填写投诉内容', code: 'field_required', field: 'content' });
      const now = clock.now();
      const c: Complaint = {
        id: `c-${randomUUID()}`,
        buyerNick: input.buyerNick.trim(),
        tid: input.tid?.trim() || null,
        channel: input.channel,
        category: input.category,
        content: input.content.trim(),
        staff: user.username,
        staffName: user.displayName,
        openedAt: toInstant(now),
        respondBy: toInstant(now + RESPOND_WITHIN_HOURS * HOUR),
        verifyBy: toInstant(workingDayDeadline(now, VERIFY_WITHIN_WORKING_DAYS, holidays)),
        response: null,
        verification: null,
        outcome: null,
        satisfaction: null,
      };
      await repo.add(c);
      return view(c);
    },
    respond: (id: string, user: User, note: string) => step(id, 'respond', user, note),
    verify: (id: string, user: User, note: string) => step(id, 'verify', user, note),
    tellOutcome: (id: string, user: User, note: string) => step(id, 'outcome', user, note),
    recordSatisfaction: (id: string, user: User, level: Satisfaction, note = '') =>
      step(id, 'satisfaction', user, note, level),
    get(id: string): ComplaintView {
      const c = repo.get(id);
      if (!c)
        throw new NotFoundError({
          message: '没有找到这条投诉，请刷新后重试',
          code: 'complaint_not_found',
          params: { id },
        });
      return view(c);
    },
    /** Oldest first. */
    list(filter: { state?: 'open' | 'closed'; late?: boolean } = {}): ComplaintView[] {
      const out: ComplaintView[] = [];
      for (const c of repo.all()) {
        const v = view(c);
        if (filter.state === 'open' && v.stage === 'closed') continue;
        if (filter.state === 'closed' && v.stage !== 'closed') continue;
        if (filter.late && !v.late) continue;
        out.push(v);
      }
      return out.sort((a, b) => (a.openedAt < b.openedAt ? -1 : a.openedAt > b.openedAt ? 1 : 0));
    },
  };
}

export type ComplaintService = ReturnType<typeof createComplaintService>;
