/**
 * The messaging feature's settings entry: its config schema without the feature (templates, channels, the
 * outbox), so the config loads light; see operations/settings.ts.
 */
export {
  messagingConfigSchema,
  type MessagingConfig,
  type MessagingConfigInput,
  type SendWindow,
} from './messaging-config.js';
