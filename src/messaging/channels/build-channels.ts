/** Builds the configured adapters: the only place that knows which concrete channel is in use. */
import type { Logger } from '../../shared/logger.js';
import type { Clock } from '../../shared/time.js';
import type { MessagingConfig } from '../messaging-config.js';
import { createAliyunSmsChannel } from './aliyun-sms/aliyun-sms-channel.js';
import type { BuyerChannel, RobotChannel } from '../outbound/channel-port.js';
import { createDingtalkRobot } from './dingtalk/dingtalk-robot.js';
import { createOutboxChannel } from './outbox/outbox-channel.js';
import { createRobotQueue, type RobotQueue } from './robot-queue.js';
import { createWecomRobot } from './wecom/wecom-robot.js';

export interface ChannelOptions {
  config: MessagingConfig;
  clock: Clock;
  logger: Logger;
  /** Waits of the robot queue and HTTP retries (tests pass one that moves a fake clock). */
  sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function buildChannels(opts: ChannelOptions): {
  buyer: BuyerChannel;
  outbox: BuyerChannel;
  robot: { kind: 'dingtalk' | 'wecom'; queue: RobotQueue } | null;
} {
  const { config, clock, logger } = opts;
  const outbox = createOutboxChannel();
  const sms =
    config.buyerChannel === 'aliyun-sms' && config.aliyunSms
      ? createAliyunSmsChannel({ ...config.aliyunSms, clock, logger })
      : undefined;
  let robot: RobotChannel | undefined;
  let perMinute = 20;
  if (config.robotChannel === 'dingtalk' && config.dingtalk) {
    robot = createDingtalkRobot({
      webhook: config.dingtalk.webhook,
      ...(config.dingtalk.secret ? { secret: config.dingtalk.secret } : {}),
      clock,
      logger,
      ...(opts.sleep ? { sleep: opts.sleep } : {}),
    });
    perMinute = config.dingtalk.perMinute;
  } else if (config.robotChannel === 'wecom' && config.wecom) {
    robot = createWecomRobot({ webhook: config.wecom.webhook, logger, ...(opts.sleep ? { sleep: opts.sleep } : {}) });
    perMinute = config.wecom.perMinute;
  }
  return {
    buyer: sms ?? outbox,
    outbox,
    robot: robot
      ? {
          kind: robot.kind,
          queue: createRobotQueue(robot, { perMinute, now: () => clock.now(), sleep: opts.sleep ?? realSleep }),
        }
      : null,
  };
}
