/** The sandbox courier's kuaidi100 account: the sandbox checks signatures with it exactly as kuaidi100 would. */
export const SANDBOX_KUAIDI100 = { customer: 'XIAOER-SANDBOX', key: 'xiaoer-sandbox-key' } as const;

/** Where the app mounts the sandbox router, and the router's own kuaidi100 base below it. */
export const SANDBOX_MOUNT = '/sandbox';
export const SANDBOX_KUAIDI100_BASE = '/kuaidi100';
