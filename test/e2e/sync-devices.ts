/**
 * What the sync e2e files share: a real WebDAV server (test/webdav-server.ts), the demo page and
 * two browser profiles ("devices"), started and stopped around a file; and the settings page's sync
 * steps as a user takes them.
 */
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { startWebdavServer, type WebdavServer } from '../webdav-server';
import { launch, panelOf, removeProfile, serveDemo, type Browser, type DemoServer } from './harness';

export interface TwoDevices {
  dav: WebdavServer;
  demo: DemoServer;
  a: Browser;
  b: Browser;
}

/** The server, the demo page and two devices for the file's tests (filled in before they run). */
export function useTwoDevices(): TwoDevices {
  const devices = {} as TwoDevices;
  beforeAll(async () => {
    [devices.dav, devices.demo] = await Promise.all([startWebdavServer(), serveDemo()]);
    devices.a = await launch();
    devices.b = await launch();
  });
  afterAll(async () => {
    for (const device of [devices.a, devices.b]) {
      await device?.close();
      if (device) removeProfile(device.profile);
    }
    await devices.demo?.close();
    await devices.dav?.close();
  });
  return devices;
}

/** The device's settings page, tall enough to show the whole Sync section. */
export async function settingsPage(device: Browser, height = 1000): Promise<Page> {
  const page = await device.context.newPage();
  await page.setViewportSize({ width: 800, height });
  await page.goto(`chrome-extension://${device.extensionId}/src/pages/options/index.html`);
  return page;
}

export interface AccountFields {
  url: string;
  user: string;
  password: string;
  passphrase?: string;
  /** Set: "This is a team folder", under this name. */
  teamName?: string;
}

/** Fills the Sync section and presses Test and save; resolves to the lines of its check. */
export async function saveAccount(page: Page, fields: AccountFields): Promise<string[]> {
  await page.getByLabel(/^Server address/).fill(fields.url);
  await page.getByLabel(/^Encryption passphrase/).fill(fields.passphrase ?? '');
  await page.getByLabel('User name').fill(fields.user);
  await page.getByLabel('App password').fill(fields.password);
  if (fields.teamName !== undefined) {
    await page.getByLabel(/^This is a team folder/).check();
    await page.getByLabel(/^Your name in the team folder/).fill(fields.teamName);
  }
  await page.getByRole('button', { name: 'Test and save' }).click();
  await expect.poll(() => page.locator('.sync-check li').count()).toBeGreaterThan(0);
  return page.locator('.sync-check li').allTextContents();
}

/** Presses Sync now, waits until the run has ended (the status then follows the stored one), and gives the status. */
export async function syncNow(page: Page): Promise<string> {
  // Enabled once the page has read the saved account.
  await expect.poll(() => page.getByRole('button', { name: 'Sync now' }).isEnabled()).toBe(true);
  const runs = Number(await page.locator('.sync-status').getAttribute('data-runs'));
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect.poll(async () => Number(await page.locator('.sync-status').getAttribute('data-runs'))).toBe(runs + 1);
  return (await page.locator('.sync-status').textContent()) ?? '';
}

/** The demo webinar in a new tab of the device, and its notes panel. */
export async function demoPanel(device: Browser, demo: DemoServer): Promise<{ page: Page; panel: Frame }> {
  const page = await device.context.newPage();
  await page.goto(`${demo.origin}/`);
  return { page, panel: await panelOf(page, device.extensionId) };
}
