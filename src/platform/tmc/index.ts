/**
 * The Taobao Message Channel (TMC): the platform pushes messages of the topics an app has enabled over a WebSocket
 * in binary frames. The codec and frames here serve both the sandbox's publisher and xiaoer's consumer.
 */
export { decodeFrame, encodeFrame, frameKind, MessageKind, MessageType, TmcFrameError } from './frame.js';
export type { TmcFrame, TmcValue } from './frame.js';
export {
  confirmFrame,
  connectAckFrame,
  connectFrame,
  connectRefusedFrame,
  dataFrame,
  failedFrame,
  parseContent,
  pullFrame,
  readConnect,
  readData,
  readMessageId,
  tmcSign,
} from './messages.js';
export type { ConnectRequest, TmcMessage } from './messages.js';
export { TMC_TOPICS, type TmcTopic } from './topics.js';
export { backoffDelay, createTmcClient } from './client.js';
export type { TmcClient, TmcClientOptions, TmcClientStatus } from './client.js';
