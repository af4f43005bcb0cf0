/**
 * Fresh Chromium for each measurement, started the way the e2e tests start it (test/e2e/browser.ts),
 * so no measurement sees another's database or warm caches.
 */
import { chromium, type BrowserContext } from 'playwright-core';
import { launch, launchOptions, newProfile, removeProfile, type Browser } from '../test/e2e/browser';
import { installFrameClock } from './frame-clock';

/**
 * tsx compiles this code with esbuild's keepNames, which wraps named inner functions in
 * `__name(fn, "name")`. Functions handed to page.evaluate run in the page, where that helper does
 * not exist: give every page and frame a no-op one.
 */
const NAME_HELPER = 'globalThis.__name ??= (fn) => fn;';

/** What every page and frame of a benchmark browser gets before its own scripts run. */
async function prepare(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: NAME_HELPER });
  await context.addInitScript(installFrameClock);
}

async function closing<T>(context: BrowserContext, profile: string, use: () => Promise<T>): Promise<T> {
  try {
    await prepare(context);
    return await use();
  } finally {
    await context.close();
    removeProfile(profile);
  }
}

/** Runs `use` with a new browser and profile with the built extension (dist/) loaded. */
export async function withExtension<T>(use: (browser: Browser) => Promise<T>): Promise<T> {
  const browser = await launch();
  return closing(browser.context, browser.profile, () => use(browser));
}

/** The same browser and flags without the extension: the baseline. */
export async function withoutExtension<T>(use: (context: BrowserContext) => Promise<T>): Promise<T> {
  const profile = newProfile();
  const context = await chromium.launchPersistentContext(profile, launchOptions({ extension: false }));
  return closing(context, profile, () => use(context));
}
