// The set-up every console e2e test shares: a hub on a fresh data folder, the loopback server serving the built
// console (dist/renderer, built by the global setup), and Debian's Chromium driven by playwright-core, with every
// page watched for CSP violations and script errors.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type ConsoleMessage, type Page } from 'playwright-core';
import { createApp, type App, type AppOptions } from '../../main/node/app/app.js';
import { startServer, type RunningServer } from '../../main/node/server/server.js';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const consoleDir = path.join(root, 'dist', 'renderer');
export const CHROMIUM = '/usr/bin/chromium';
/** Set IC_CONSOLE_SHOTS=<folder> to save screenshots of the screens there (and the docs/screenshots/ ones). */
export const SHOTS = process.env.IC_CONSOLE_SHOTS;

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface ConsoleE2EOptions {
  /** Prefix of the temp folder (data folder inside). */
  name?: string;
  /** Plugin folders loaded as built-in besides plugins/ (test fixtures). */
  extraPluginDirs?: (tmp: string) => string[];
  /** More options of the app (e.g. a catalog whose packs are missing). */
  app?: (tmp: string) => Partial<AppOptions>;
  viewport?: { width: number; height: number };
  /** Browser permissions granted to the console's origin (e.g. clipboard-read). */
  permissions?: string[];
}

export interface ConsoleE2E {
  tmp: string;
  /** The app (hub with the app's features and plugins), as `ic serve` opens it. */
  hub: App;
  server: RunningServer;
  browser: Browser;
  context: BrowserContext;
  /** The first page, watched. */
  page: Page;
  /** CSP violations and uncaught script errors seen on any watched page. */
  cspMessages: string[];
  pageErrors: string[];
  /** Watches another page the same way. */
  watch(p: Page): Promise<void>;
  /**
   * Saves a screenshot when IC_CONSOLE_SHOTS is set (to `file`, or <shots>/<name>.png). The console scrolls inside
   * <main>, so the viewport grows to the content for a moment.
   */
  shot(name: string, file?: string): Promise<void>;
  close(): Promise<void>;
}

function isCspMessage(m: ConsoleMessage): boolean {
  return /Content Security Policy|Refused to (execute|load|apply|evaluate|connect|frame)/i.test(m.text());
}

export async function startConsole(opts: ConsoleE2EOptions = {}): Promise<ConsoleE2E> {
  if (!fs.existsSync(path.join(consoleDir, 'index.html'))) throw new Error('dist/renderer is not built (the global setup builds it)');
  const viewport = opts.viewport ?? { width: 1280, height: 820 };
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `ic-e2e-${opts.name ?? 'console'}-`));
  const cspMessages: string[] = [];
  const pageErrors: string[] = [];
  const extra = opts.extraPluginDirs?.(tmp) ?? [];
  const hub = createApp({ dataDir: path.join(tmp, 'data'), extraPluginDirs: extra, ...opts.app?.(tmp) });
  const server = await startServer({ hub, consoleDir });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport, locale: 'zh-CN' });
  if (opts.permissions?.length) await context.grantPermissions(opts.permissions, { origin: `http://127.0.0.1:${server.port}` });

  async function watch(p: Page): Promise<void> {
    p.on('console', (m) => {
      if (isCspMessage(m)) cspMessages.push(m.text());
    });
    p.on('pageerror', (err) => pageErrors.push(err.message));
    await p.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`);
      });
    });
  }

  const page = await context.newPage();
  await watch(page);

  async function shot(name: string, file = path.join(SHOTS ?? '', `${name}.png`)): Promise<void> {
    if (!SHOTS) return;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const height = await page.evaluate(() => {
      const main = document.querySelector('main');
      const header = document.querySelector('header');
      return Math.ceil((main?.scrollHeight ?? 0) + (header?.getBoundingClientRect().height ?? 0));
    });
    await page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, Math.min(height, 3000)) });
    await page.screenshot({ path: file });
    await page.setViewportSize(viewport);
  }

  async function close(): Promise<void> {
    await browser.close().catch(() => undefined);
    await server.close();
    await hub.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }

  return { tmp, hub, server, browser, context, page, cspMessages, pageErrors, watch, shot, close };
}
