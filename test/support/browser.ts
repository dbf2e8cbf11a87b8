// The part of playwright-core the browser tests use, typed here (the package lives outside the workspace, in
// the real-clients directory), and loading it from there. Page scripts are passed as strings: the test
// programs are type-checked without the DOM library.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { clientsDepsDir } from './real-clients.js';

export interface Download {
  suggestedFilename(): string;
  saveAs(path: string): Promise<void>;
}

export interface Locator {
  click(): Promise<void>;
  dblclick(): Promise<void>;
  hover(): Promise<void>;
  nth(n: number): Locator;
  first(): Locator;
  count(): Promise<number>;
  textContent(): Promise<string | null>;
  getAttribute(name: string): Promise<string | null>;
}

export interface Page {
  goto(url: string): Promise<unknown>;
  on(event: 'console', f: (m: { type(): string; text(): string }) => void): void;
  on(event: 'pageerror', f: (e: Error) => void): void;
  on(event: 'request', f: (r: { url(): string }) => void): void;
  waitForSelector(selector: string, options?: { timeout?: number }): Promise<unknown>;
  waitForFunction(expression: string, arg?: unknown, options?: { timeout?: number }): Promise<unknown>;
  waitForEvent(event: 'download', options?: { timeout?: number }): Promise<Download>;
  evaluate(expression: string): Promise<unknown>;
  locator(selector: string): Locator;
  click(selector: string): Promise<void>;
  fill(selector: string, value: string): Promise<void>;
  check(selector: string): Promise<void>;
  textContent(selector: string): Promise<string | null>;
  getAttribute(selector: string, name: string): Promise<string | null>;
  screenshot(options: { path: string; fullPage?: boolean; clip?: object }): Promise<unknown>;
  keyboard: { press(key: string): Promise<void>; type(text: string): Promise<void> };
}

export interface Route {
  request(): { url(): string };
  continue(): Promise<void>;
  abort(): Promise<void>;
}

export interface BrowserContext {
  newPage(): Promise<Page>;
  route(pattern: string, handler: (route: Route) => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

export interface Browser {
  newContext(options?: object): Promise<BrowserContext>;
  close(): Promise<void>;
}

export interface Chromium {
  launch(options: { executablePath: string; args?: string[] }): Promise<Browser>;
}

/** playwright-core's Chromium launcher, from the real-clients directory. */
export function loadChromium(): Chromium {
  const pw = createRequire(join(clientsDepsDir, 'package.json'))('playwright-core') as { chromium: Chromium };
  return pw.chromium;
}

/** Launches Debian's Chromium headless. */
export function launchChromium(): Promise<Browser> {
  return loadChromium().launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
}
