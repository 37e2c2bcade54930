/**
 * The browser suite's fixtures: the real service on the sandbox shop (port 0, a temp data folder,
 * one synced shop of 300 orders) and Debian's chromium driven by playwright-core. Never downloads a
 * browser: `.ci/run` installs /usr/bin/chromium with apt-get.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { loadConfig } from '../../src/config/load-config.js';
import { startService, type RunningService } from '../../src/service/start-service.js';
import { createLogger } from '../../src/shared/logger.js';
import { parseInstant, type Clock } from '../../src/shared/time.js';
import { vi } from 'vitest';

// A story is several pages of chromium's work; beside the other test worker on two shared cores the
// longest took over 20 s (the suite's default). The timeout only bounds a hang; it decides nothing.
vi.setConfig({ testTimeout: 60_000 });

// The test program has no DOM lib (it is Node code); these describe the little the page callbacks touch.
declare const document: { documentElement: { scrollWidth: number }; cookie: string };
declare const sessionStorage: { length: number };
declare const localStorage: { length: number };
declare function getComputedStyle(el: unknown): { color: string };

/** Debian's chromium unless CHROMIUM names another binary (a machine where it lives elsewhere). */
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const DEMO_PASSWORD = 'xiaoer-demo';
export const DEMO = {
  xiaoli: { username: 'xiaoli', displayName: '小丽' },
  azhang: { username: 'azhang', displayName: '阿张' },
  xiaozhou: { username: 'xiaozhou', displayName: '小周' },
  admin: { username: 'admin', displayName: '管理员' },
} as const;

export interface ConsoleService {
  svc: RunningService;
  url: string;
  close(): Promise<void>;
}

/** A clock that reads `start` when the service starts and runs on in real time from there. */
function runningFrom(start: string): Clock {
  const started = Date.now();
  const base = parseInstant(start);
  return { now: () => base + (Date.now() - started) };
}

/**
 * Starts the service with jobs off, syncs the sandbox shop once, and serves the console at `url`. With `at`, the
 * service's clock starts at that instant, and the generated shop's history ends there: a story that depends on the
 * date and the time of day (which orders the next print batch holds) reads the same whenever it runs. Otherwise the
 * clock is the real one.
 */
export async function startConsoleService(orders = 300, opts: { at?: string } = {}): Promise<ConsoleService> {
  const dataDir = await mkdtemp(join(tmpdir(), 'xiaoer-browser-'));
  const config = loadConfig(
    {
      XIAOER_DATA_DIR: dataDir,
      XIAOER_PLATFORM: 'sandbox',
      PORT: '0',
      XIAOER_SANDBOX_ORDERS: String(orders),
      XIAOER_SANDBOX_TICK_MS: '0',
    },
    process.cwd(),
  );
  const svc = await startService(config, {
    ...(opts.at ? { clock: runningFrom(opts.at) } : {}),
    jobs: false,
    initialSync: false,
    logger: createLogger({ level: 'silent' }),
  });
  try {
    const summary = await svc.sync.syncAll();
    if (!summary.ok) throw new Error(`sandbox sync failed: ${JSON.stringify(summary.errors)}`);
  } catch (err) {
    await svc.close();
    await rm(dataDir, { recursive: true, force: true });
    throw err;
  }
  return {
    svc,
    url: svc.url,
    close: async () => {
      await svc.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/**
 * A fresh browser context (its own cookies and storage) at the given width. Page errors and CSP
 * violations are collected so a test can assert the console ran clean.
 */
export async function openPage(
  browser: Browser,
  width = 1280,
  height = 900,
): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({
    viewport: { width, height },
    locale: 'zh-CN',
    timezoneId: 'America/Los_Angeles',
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !/401 \(Unauthorized\)|401$/.test(msg.text()))
      problems.push(`console: ${msg.text()}`);
  });
  return { context, page, problems };
}

/** Logs in through the form, as staff do, and waits for the orders page. */
export async function logIn(page: Page, baseUrl: string, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl}/#/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByLabel('密码').press('Enter');
  await page.locator('.order-list').waitFor();
}

interface OrderSummary {
  tid: string;
  status: string;
  buyerNick: string;
  payment: number;
  sellerFlag: number;
  sellerMemo: string;
  waybills: string[];
}
/** The parts of GET /api/orders/:tid the browser tests compare with the page. */
export interface OrderDetail {
  tid: string;
  sellerMemo: string;
  sellerFlag: number;
  receiverMasked: boolean;
  receiver: { name: string; mobile: string; address: string };
  logistics: {
    company: string;
    waybill: string;
    state: string;
    events: { at: string; description: string; state: string }[];
  }[];
}
interface OrdersPage {
  total: number;
  orders: OrderSummary[];
}
interface Session {
  token: string;
  user: { username: string; displayName: string; role: string };
}

/** One login per account and service: scrypt makes each login cost real time on a shared machine. */
const sessions = new Map<string, Promise<Session>>();
function sessionFor(baseUrl: string, username: string): Promise<Session> {
  const key = `${baseUrl} ${username}`;
  if (!sessions.has(key)) {
    sessions.set(
      key,
      (async () => {
        const res = await fetch(`${baseUrl}/api/session`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username, password: DEMO_PASSWORD }),
        });
        if (res.status !== 201) throw new Error(`login ${username}: ${res.status}`);
        return (await res.json()) as Session;
      })(),
    );
  }
  return sessions.get(key)!;
}

/**
 * A page already logged in as `username` (the session cookie placed as the login sets it), showing
 * `hash`. For tests whose story starts after login; the login form has its own tests. The token is
 * shared by every context of this account: stories opened this way must not log out.
 */
export async function openSignedIn(
  browser: Browser,
  baseUrl: string,
  username: string,
  hash = '#/orders',
  width = 1280,
  height = 900,
) {
  const opened = await openPage(browser, width, height);
  const { token } = await sessionFor(baseUrl, username);
  await opened.context.addCookies([
    { name: SESSION_COOKIE, value: token, url: baseUrl, httpOnly: true, sameSite: 'Strict' },
  ]);
  await opened.page.goto(`${baseUrl}/${hash}`);
  return opened;
}

export const SESSION_COOKIE = 'xiaoer_session';

/** The session cookie of a context (the browser holds it; page scripts cannot read it). */
export async function sessionCookie(context: BrowserContext) {
  return (await context.cookies()).find((c) => c.name === SESSION_COOKIE) ?? null;
}

/** The API as the console sees it, to compare the page with. */
export async function apiAs(baseUrl: string, username: string) {
  const { token } = await sessionFor(baseUrl, username);
  const get = async <T>(path: string): Promise<T> => {
    const r = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
    if (!r.ok) throw new Error(`${path}: ${r.status}`);
    return (await r.json()) as T;
  };
  /** Returns status and body: some stories check a refusal. */
  const post = async <T>(path: string, body: unknown = {}): Promise<{ status: number; body: T }> => {
    const r = await fetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: r.status, body: (await r.json()) as T };
  };
  return {
    get,
    post,
    orders: (query = '') => get<OrdersPage>(`/api/orders${query}`),
  };
}

/** Reads values inside the page for assertions. */
export const inPage = {
  scrollWidth: (page: Page) => page.evaluate(() => document.documentElement.scrollWidth),
  /** What page scripts can see of the cookies: the session must never be in it. */
  scriptCookies: (page: Page) => page.evaluate(() => document.cookie),
  /** Entries in sessionStorage and localStorage together: the console keeps nothing there. */
  storageSize: (page: Page) => page.evaluate(() => sessionStorage.length + localStorage.length),
  colour: (locator: Locator) => locator.evaluate((el) => getComputedStyle(el).color),
  /** The data-tid of every order row, in page order. */
  rowTids: (page: Page) =>
    page.locator('.order-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-tid'))),
  activeId: (page: Page) =>
    page.evaluate(() => (document as unknown as { activeElement?: { id: string } }).activeElement?.id),
};
