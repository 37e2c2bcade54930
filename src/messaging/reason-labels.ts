/**
 * Why a message was refused, stopped, deferred or held, in the words staff use: the codes of the send policy
 * (policy/send-policy.ts, policy/state-checks.ts) and of the dispatcher (outbound/dispatcher.ts), which keep
 * short English codes in the store and the log. The console shows these names (GET /api/labels); a code
 * missing here would reach a shop person as English, so test/messaging/reason-labels.test.ts reads every
 * code the messaging source writes and checks that each is named here.
 */
export const MESSAGE_REASON_LABELS: Readonly<Record<string, string>> = {
  // The send policy: refusals when queued, cancellations and deferrals before sending.
  opted_out: '买家已退订',
  duplicate: '已发送过',
  order_not_found: '没有找到这个订单',
  missing_values: '消息还缺内容',
  needs_values: '还缺内容，等同事补充后发送',
  no_template: '没有这类消息的模板',
  state_changed: '订单情况已变化',
  quiet_hours: '夜间不发消息',
  outside_window: '不在允许发送的时段',
  daily_cap: '今天发给这位买家的消息已达上限',
  // The order or parcel moved on while the message waited (state_changed's detail).
  already_paid: '买家已付款',
  order_closed: '订单已关闭',
  deadline_passed: '已过付款期限',
  delivered_since: '包裹已签收',
  parcel_final: '包裹已结束（退回或拒签）',
  not_delivered: '包裹还没有签收',
  // The kind's validity ran out before it could be sent (templates/metadata.ts MESSAGE_VALIDITY).
  past_its_day: '当天没有发出，已过期',
  // The dispatcher: what the channel answered.
  outcome_unknown: '不确定是否已送达，请人工确认',
  refused: '发送渠道拒绝了这条消息',
  out_of_attempts: '多次重试仍未发出',
  provider_capped: '发送平台今日额度已满，明天再发',
  provider_error: '发送平台出错，稍后重试',
  channel_not_configured: '还没有配置这个发送渠道',
  confirmed_by_provider: '发送平台确认已发出',
  not_sent_before_restart: '服务重启前没有发出，重新排队',
  // No number to text (outbound/receiver-phones.ts): the SMS goes to the chat queue for a person to send in 旺旺.
  decrypt_quota: '今天解密买家手机号的额度已用完，短信发不出，请在旺旺里发给买家',
  no_oaid: '订单上没有买家的加密收件信息，拿不到手机号，请在旺旺里发给买家',
  no_phone: '平台没有给出买家可用的手机号，请在旺旺里发给买家',
  overseas_number: '买家是境外手机号，国内短信发不到，请在旺旺里发给买家',
  privacy_number: '买家开启了隐私保护，虚拟号要拨分机、收不到短信，请在旺旺里发给买家',
  scene_refused: '平台不允许为这类消息解密手机号，请在旺旺里发给买家',
  decrypt_refused: '平台拒绝解密买家手机号，请在旺旺里发给买家',
  decrypt_failed: '多次向平台取手机号都没有成功，请在旺旺里发给买家',
  decrypt_error: '向平台取手机号时出错，稍后重试',
  // The compliance check (compliance/compliance-check.ts): a forbidden phrase in the text, kept for a person.
  non_compliant: '内容里有平台不允许的说法，已拦下，请修改后再发',
  // A person.
  cancelled_by_staff: '同事取消',
  dismissed_by_staff: '同事决定不发',
};
