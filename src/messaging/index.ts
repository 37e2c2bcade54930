/** Messaging: templates, quick replies, outbound messages with their channels and send policy. */
export {
  createMessagingModule,
  type MessagingModule,
  type MessagingModuleDeps,
  type MessagingService,
} from './messaging-module.js';
export {
  messagingConfigSchema,
  type MessagingConfig,
  type MessagingConfigInput,
  type SendWindow,
} from './messaging-config.js';
export type { EnqueueRequest, EnqueueResult, Preview } from './outbound/enqueue.js';
export type { StaffNotice } from './outbound/staff-notices.js';
export type { OutboundMessage, MessageState, SendAttempt, ChannelKind } from './outbound/message.js';
export { MESSAGE_ATTEMPTS_LOG } from './outbound/message-repository.js';
export { MESSAGE_STATE_LABELS, MESSAGE_STATES, ORDER_PAGE_KINDS } from './outbound/message.js';
export { MESSAGE_REASON_LABELS } from './reason-labels.js';
export { messageKindLabel, messageKindLabels } from './kind-labels.js';
export type { EnqueueRefusal } from './policy/send-policy.js';
export { isOptOutReply } from './policy/opt-out.js';
export type { QuickReplyRender, RenderOptions } from './quick-replies/index.js';
export type { MessageRequest, MessageSink } from './message-sink.js';
export { MESSAGE_KINDS } from './templates/metadata.js';
export type { MessageKind } from './templates/metadata.js';
export { COMPLIANCE_CATEGORIES, COMPLIANCE_CATEGORY_LABELS } from './templates/compliance-phrases.js';
export type { OutgoingFinding } from './compliance/compliance-check.js';
