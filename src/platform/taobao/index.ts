export {
  createTaobaoPlatform,
  DEFAULT_PAGE_CONCURRENCY,
  type TaobaoOptions,
  type TaobaoPlatform,
} from './taobao-platform.js';
export {
  decryptReceivers,
  mapReceiver,
  isDecryptQuotaRefusal,
  DECRYPT_BATCH_SIZE,
  DEFAULT_SECRET_NO_DAYS,
} from './oaid-decrypt.js';
export { createDecryptQuotaCounter, nextShanghaiMidnight, type DecryptQuotaCount } from './decrypt-quota.js';
export { topCall, buildTopRequest, encodeBusinessParams, type TopCallContext, type TopParamValue } from './top-call.js';
export { parseTopResponse, quoteBigIds } from './top-response.js';
export { traceByTid, type TopLogisticsTrace, type TopTraceStep } from './trace-search.js';
export { mapTrade, mapRate, mapOrderItem, mapStatus } from './trade-mapper.js';
export { splitWindow, pagesBackward } from './paging.js';
export * from './top-errors.js';
