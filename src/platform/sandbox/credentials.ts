/** The sandbox gateway's one app and one authorized seller session. Not secrets: the sandbox is public by design. */
export const SANDBOX_CREDENTIALS = {
  appKey: '10000001',
  appSecret: 'xiaoer-sandbox-secret',
  session: 'xiaoer-sandbox-session',
} as const;

/** The seller whose session that is (the gateway's seller_nick; TMC messages carry it as their nick). */
export const SANDBOX_SELLER_NICK = '小二女装旗舰店';
