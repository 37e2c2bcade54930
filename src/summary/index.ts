/**
 * The weekly summary for the Monday meeting (周报, issue 15 part 7) and the monthly complaint analysis by cause:
 * read-only figures over the other features' records, as JSON, Markdown and the console's 周报 page.
 */
import type { Router } from 'express';
import type { Clock } from '../shared/time.js';
import type { Store } from '../storage/index.js';
import { createSummaryService } from './summary-service.js';
import { summaryRouter } from './summary-router.js';

export function createSummaryModule(deps: { store: Store; clock: Clock }) {
  const service = createSummaryService(deps);
  const routers: { path: string; router: Router }[] = [{ path: '/summary', router: summaryRouter(service) }];
  return { service, routers };
}

export type { SummaryService, WeeklySummary, ComplaintAnalysis } from './summary-service.js';
export { weeklyMarkdown, causesMarkdown } from './summary-markdown.js';
export { parseWeek, parseMonth, weekOf, lastWeekOf } from './periods.js';
