/** The sandbox gateway's one app and one authorized seller session. Not secrets: the sandbox is public by design. */
export const SANDBOX_CREDENTIALS = {
  appKey: '10000001',
  appSecret: 'xiaoer-sandbox-secret',
  session: 'xiaoer-sandbox-session',
} as const;
