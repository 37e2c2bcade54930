/**
 * A WeCom (企业微信) group robot for internal notices: markdown messages to the webhook (its key
 * is in the URL). Errors are HTTP 200 with `errcode` ≠ 0; 45009 means over the 20-a-minute limit.
 */
import { createHttpClient } from '../../../http-client/index.js';
import type { Logger } from '../../../shared/logger.js';
import type { RobotChannel, RobotNotice, RobotOutcome } from '../../outbound/channel-port.js';
import { robotAnswer } from '../robot-answer.js';

export const WECOM_TOO_FAST = 45009;

export function createWecomRobot(opts: {
  webhook: string;
  logger?: Logger;
  sleep?: (ms: number) => Promise<void>;
}): RobotChannel {
  const client = createHttpClient({ name: 'wecom', timeoutMs: 10_000, logger: opts.logger, sleep: opts.sleep });
  return {
    kind: 'wecom',
    async send(notice: RobotNotice): Promise<RobotOutcome> {
      // WeCom markdown has no separate title: it leads the text as a heading.
      const content = `### ${notice.title}\n${notice.markdown}`;
      return robotAnswer(
        client,
        (http) => http.post(opts.webhook, { msgtype: 'markdown', markdown: { content } }),
        WECOM_TOO_FAST,
      );
    },
  };
}
