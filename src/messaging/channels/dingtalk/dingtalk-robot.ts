/**
 * A DingTalk group robot for internal notices. Errors arrive as HTTP 200 with `errcode` ≠ 0;
 * 130101 means "sending too fast" (over 20 a minute) and is waited out by the robot queue.
 */
import { createHttpClient } from '../../../http-client/index.js';
import type { Logger } from '../../../shared/logger.js';
import type { Clock } from '../../../shared/time.js';
import type { RobotChannel, RobotNotice, RobotOutcome } from '../../outbound/channel-port.js';
import { robotAnswer } from '../robot-answer.js';
import { signedWebhook } from './dingtalk-sign.js';

export const DINGTALK_TOO_FAST = 130101;

export function createDingtalkRobot(opts: {
  webhook: string;
  secret?: string;
  clock: Clock;
  logger?: Logger;
  sleep?: (ms: number) => Promise<void>;
}): RobotChannel {
  const client = createHttpClient({ name: 'dingtalk', timeoutMs: 10_000, logger: opts.logger, sleep: opts.sleep });
  return {
    kind: 'dingtalk',
    async send(notice: RobotNotice): Promise<RobotOutcome> {
      const url = signedWebhook(opts.webhook, opts.clock.now(), opts.secret);
      return robotAnswer(
        client,
        (http) => http.post(url, { msgtype: 'markdown', markdown: { title: notice.title, text: notice.markdown } }),
        DINGTALK_TOO_FAST,
      );
    },
  };
}
