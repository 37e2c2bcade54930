/** Message and quick-reply templates: load once at start-up, render for an order. */
export {
  loadTemplates,
  compileTemplateFile,
  TEMPLATE_FOLDERS,
  type LoadedTemplate,
  type TemplateSet,
} from './loader.js';
export { renderTemplate, type RenderResult, type PromptRef } from './render.js';
export {
  buildRenderContext,
  CONTEXT_PATHS,
  skuText,
  type RenderContext,
  type RenderContextInput,
  type BuyerProfile,
  type ParcelInput,
  type TransferInput,
  type OrderView,
  type ItemView,
  type BuyerView,
  type ParcelView,
  type TransferView,
  type StaffView,
  type ShopView,
  maskedPhone,
} from './context.js';
export { TemplateError, formatFinding, type TemplateFinding, type FindingRule } from './template-error.js';
export {
  MESSAGE_KINDS,
  TEMPLATE_CHANNELS,
  TEMPLATE_PURPOSES,
  type MessageKind,
  type TemplateChannel,
  type TemplateMeta,
  type TemplatePurpose,
  type TemplateVariable,
} from './metadata.js';
export { COMPILE_OPTIONS, createTemplateEnvironment, HELPERS, MissingValue } from './helpers.js';
export {
  CATEGORY_SUGGESTIONS,
  COMPLIANCE_CATEGORIES,
  COMPLIANCE_CATEGORY_LABELS,
  COMPLIANCE_PHRASES,
  type CompliancePhrase,
  type ComplianceRule,
} from './compliance-phrases.js';
export {
  findPhrases,
  lintCompliance,
  normalizeForCompliance,
  preparePhrases,
  type ComplianceFinding,
} from './compliance-lint.js';
export { courierName, parcelStateText, tradeStatusText } from './display-names.js';
