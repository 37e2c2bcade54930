/**
 * The monthly complaint analysis by cause (the handbook: 定期分析投诉记录，找出问题原因，提出改进措施): for each
 * category the complaints opened in the month, their share, how many were answered within 24 h and verified within
 * 3 working days, and how the buyers who answered the satisfaction call felt. Pure: complaints and bounds in.
 */
import { within, type Bounds, type ComplaintFacts } from './weekly-figures.js';

export interface CauseLine {
  category: string;
  count: number;
  /** Per cent of the month's complaints, one decimal. */
  sharePct: number;
  answeredInTime: number;
  verifiedInTime: number;
  /** Still waiting for the first answer or the verification past its deadline (at `now`). */
  late: number;
  satisfied: number;
  neutral: number;
  unsatisfied: number;
}

export interface CauseAnalysis {
  total: number;
  /** Most complaints first; every category of `categories` is listed, also with none. */
  causes: CauseLine[];
}

export function complaintCauses(
  complaints: Iterable<ComplaintFacts>,
  b: Bounds,
  categories: readonly string[],
  now: string,
): CauseAnalysis {
  const lines = new Map<string, CauseLine>();
  const line = (category: string) => {
    let l = lines.get(category);
    if (!l) {
      l = {
        category,
        count: 0,
        sharePct: 0,
        answeredInTime: 0,
        verifiedInTime: 0,
        late: 0,
        satisfied: 0,
        neutral: 0,
        unsatisfied: 0,
      };
      lines.set(category, l);
    }
    return l;
  };
  for (const c of categories) line(c);
  let total = 0;
  for (const c of complaints) {
    if (!within(b, c.openedAt)) continue;
    total++;
    const l = line(c.category);
    l.count++;
    if (c.response && c.response.at <= c.respondBy) l.answeredInTime++;
    if (c.verification && c.verification.at <= c.verifyBy) l.verifiedInTime++;
    const answerLate = c.response ? c.response.at > c.respondBy : now > c.respondBy;
    const verifyLate = c.verification ? c.verification.at > c.verifyBy : now > c.verifyBy;
    if (answerLate || verifyLate) l.late++;
    if (c.satisfaction) l[c.satisfaction.level]++;
  }
  const causes = [...lines.values()];
  for (const l of causes) l.sharePct = total ? Math.round((l.count * 1000) / total) / 10 : 0;
  const order = new Map(categories.map((c, i) => [c, i]));
  causes.sort((x, y) => y.count - x.count || (order.get(x.category) ?? 99) - (order.get(y.category) ?? 99));
  return { total, causes };
}
