/**
 * What an Aliyun SMS answer code means for us. Only 'OK' is success. Limits are per number and
 * per day or minute: trying again today only burns quota and annoys the buyer. A system error
 * on their side did not send anything and may be tried again. A bad number never gets better.
 */
export type SmsCodeMeaning = 'ok' | 'capped' | 'retry' | 'bad_data' | 'refused';

export function smsCodeMeaning(code: string): SmsCodeMeaning {
  if (code === 'OK') return 'ok';
  if (code === 'isv.BUSINESS_LIMIT_CONTROL' || /DAY_LIMIT/i.test(code) || code === 'isv.AMOUNT_NOT_ENOUGH')
    return 'capped';
  if (code.startsWith('isp.') || code === 'Throttling.User' || code === 'SignatureNonceUsed') return 'retry';
  if (code === 'isv.MOBILE_NUMBER_ILLEGAL') return 'bad_data';
  // Bad template, sign, parameters or credentials: a person must fix the configuration first.
  return 'refused';
}
