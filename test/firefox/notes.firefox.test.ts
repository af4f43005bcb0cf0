/**
 * Firefox smoke tests: the Firefox build (dist-firefox) in real Firefox, on the demo page. They
 * run in order on one profile: the note taken in the second test is the one the later tests
 * look for after a reload and after a restart.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { expect, test } from 'vitest';
import { parseBackup } from '../../src/core/backup';
import { DOWNLOADS, extensionPage, hasHostPermissions, launch, PANEL_PAGE, panelNoteTexts, panelOf, storedNotes, typeNote, useFirefox } from './harness';

const session = useFirefox();
const NOTE = 'Firefox: labels beat placeholders';
/** The demo page the note was typed on, reloaded by the next test. */
let demo: Page | undefined;

test('the add-on is installed with its content-script hosts granted, 127.0.0.1 among them', async () => {
  expect(await hasHostPermissions(session.firefox, session.server, ['http://127.0.0.1/*', 'http://localhost/*'])).toBe(true);
});

test('on the demo page the panel appears by the video, and a note typed in it is stored and listed', async () => {
  const page = (demo = await session.firefox.browser.newPage());
  await page.goto(`${session.server.origin}/`);
  const panel = await panelOf(page);
  await page.evaluate(() => {
    (document.querySelector('video') as HTMLVideoElement).currentTime = 42;
  });
  await typeNote(panel, NOTE);
  await expect.poll(() => panelNoteTexts(panel), { timeout: 10_000 }).toContain(NOTE);
  const stored = (await storedNotes(session.firefox, session.server)).filter((n) => n.text === NOTE);
  expect(stored).toHaveLength(1);
  expect(stored[0]?.deletedAt).toBeUndefined();
  // 42 s minus the default lead-in of 2 s.
  expect(Math.abs((stored[0]?.t ?? -99) - 40)).toBeLessThan(1);
});

test('after a reload the note is still listed', async () => {
  const page = demo ?? (await session.firefox.browser.newPage());
  if (!demo) await page.goto(`${session.server.origin}/`);
  await page.reload();
  const panel = await panelOf(page);
  await expect.poll(() => panelNoteTexts(panel), { timeout: 10_000 }).toEqual([NOTE]);
  await page.close();
});

test('after a browser restart on the same profile the add-on and the note are still there', async () => {
  await session.firefox.close();
  // No install this time: the add-on was installed permanently into the profile.
  session.firefox = await launch(session.profile);
  const page = await session.firefox.browser.newPage();
  await page.goto(`${session.server.origin}/`);
  const panel = await panelOf(page);
  await expect.poll(() => panelNoteTexts(panel), { timeout: 10_000 }).toEqual([NOTE]);
  expect((await storedNotes(session.firefox, session.server)).map((n) => n.text)).toEqual([NOTE]);
  await page.close();
});

test('at browser start and with "Back up now" the backup file is written to Downloads/Webinar Notes backups/', async () => {
  const folder = join(DOWNLOADS, 'Webinar Notes backups');
  const notesIn = (file: string) => {
    const parsed = parseBackup(readFileSync(join(folder, file), 'utf8'));
    return parsed.ok ? parsed.backup.notes.map((n) => n.text) : parsed.message;
  };
  // The restart above ran the scheduled check: weekly by default, and no file yet, so one is due.
  const dated = () => {
    try {
      return readdirSync(folder).filter((f) => /^webinar-notes-\d{4}-\d{2}-\d{2}\.json$/.test(f));
    } catch {
      return [];
    }
  };
  await expect.poll(dated, { timeout: 10_000 }).toHaveLength(1);
  const written = dated();
  expect(notesIn(written[0] ?? '')).toEqual([NOTE]);

  const options = await extensionPage(session.firefox, session.server);
  await options.waitForSelector('::-p-text(Back up now)');
  await options.click('::-p-text(Back up now)');
  const status = () => options.evaluate(() => document.querySelector('.backup-actions [role=status]')?.textContent ?? '');
  // Firefox makes the name unique as "name(1).json", Chrome as "name (1).json".
  await expect.poll(status, { timeout: 10_000 }).toMatch(/^Written: webinar-notes-\d{4}-\d{2}-\d{2} ?\(1\)\.json$/);
  const file = /^Written: (.*)$/.exec(await status())?.[1] ?? '';
  expect(readdirSync(folder)).toContain(file);
  expect(notesIn(file)).toEqual([NOTE]);
  await options.close();
});

test('a site added on the settings page gets the panel once allowed, and none once removed', async () => {
  const site = `http://forum.example:${new URL(session.server.origin).port}/`;
  const page = await session.firefox.browser.newPage();
  await page.goto(site);
  const panelFrames = () => page.frames().filter((frame) => frame.url().startsWith(PANEL_PAGE)).length;
  await new Promise((done) => setTimeout(done, 1000));
  expect(panelFrames()).toBe(0);

  const options = await extensionPage(session.firefox, session.server);
  const status = () => options.evaluate(() => document.querySelector('.sites-status')?.textContent ?? '');
  const listed = () => options.evaluate(() => [...document.querySelectorAll('.sites .site-name')].map((el) => el.textContent));
  // Bad input is refused with a reason, before anything is asked.
  await options.type('#site-address', 'javascript:alert(1)');
  await options.click('::-p-text(Allow…)');
  await expect.poll(status).toBe('Only web sites (http or https) can be added, not javascript: addresses.');
  await options.evaluate(() => {
    (document.querySelector('#site-address') as HTMLInputElement).select();
  });
  await options.type('#site-address', `${site}t/webinar-recording/42`);
  await options.click('::-p-text(Allow…)');
  await expect.poll(status, { timeout: 10_000 }).toBe('Webinar Notes now runs on forum.example. Pages of it that are already open need a reload.');
  await expect.poll(listed).toEqual(['forum.example (http)']);

  // The background registered the content script: a reload gets the panel, and notes are taken.
  await page.bringToFront();
  await page.reload();
  const panel = await panelOf(page);
  await typeNote(panel, 'On a site the user added');
  await expect.poll(async () => (await storedNotes(session.firefox, session.server)).map((n) => n.text), { timeout: 10_000 }).toContain(
    'On a site the user added',
  );

  await options.click('button[aria-label="Remove forum.example (http)"]');
  await expect.poll(status).toBe('Webinar Notes no longer runs on forum.example (http). Its notes stay in the library.');
  await expect.poll(listed).toEqual([]);
  await page.reload();
  await new Promise((done) => setTimeout(done, 1500));
  expect(panelFrames()).toBe(0);
  await options.close();
  await page.close();
});

test('a player under 480 px: where Firefox will not open its sidebar from the page, the launcher opens the panel in the page', async () => {
  const page = await session.firefox.browser.newPage();
  await page.goto(`${session.server.origin}/fixtures/small-video.html`);
  const panel = await panelOf(page);
  const box = await page.evaluate(() => {
    const r = (document.getElementById('clip') as HTMLVideoElement).getBoundingClientRect();
    return { x: r.right - 40, y: r.top + 18 };
  });
  await page.mouse.click(box.x, box.y);
  // The frame was hidden (no room by the player); now it is shown, with the caret in its composer.
  await expect.poll(() => panel.evaluate(() => [document.hasFocus(), document.activeElement?.id]), { timeout: 10_000 }).toEqual([true, 'composer-text']);
  await typeNote(panel, 'Small player, panel in the page');
  await expect.poll(async () => (await storedNotes(session.firefox, session.server)).map((n) => n.text), { timeout: 10_000 }).toContain(
    'Small player, panel in the page',
  );
  await page.close();
});

test('a page that frames the panel page itself (it knows the add-on host) gets no note, composer or button', async () => {
  const page = await session.firefox.browser.newPage();
  await page.goto(`${session.server.origin}/fixtures/hostile.html`);
  // The real panel by the page's video pairs and takes a note.
  const real = await panelOf(page);
  await typeNote(real, 'Secret note on the hostile page');
  await expect.poll(() => panelNoteTexts(real), { timeout: 10_000 }).toEqual(['Secret note on the hostile page']);
  const made = [PANEL_PAGE, `${PANEL_PAGE}#guessed-nonce`];
  await page.evaluate((urls: string[]) => {
    for (const url of urls) {
      const frame = document.createElement('iframe');
      frame.src = url;
      frame.style.cssText = 'width:360px;height:560px';
      document.body.append(frame);
    }
  }, made);
  const offered = async () => {
    const found: { href: string; controls: number; text: string }[] = [];
    for (const frame of page.frames()) {
      const state = await frame
        .evaluate(() => ({
          href: location.href,
          controls: document.querySelectorAll('button, textarea, input, select, a[href], [contenteditable]').length,
          text: document.body?.innerText ?? '',
        }))
        .catch(() => null);
      if (state && made.includes(state.href) && /not connected|not placed/.test(state.text)) found.push(state);
    }
    return found;
  };
  // Both settle on saying they are not connected (after the pairing wait), and offer nothing.
  await expect.poll(async () => (await offered()).length, { timeout: 15_000 }).toBe(2);
  for (const frame of await offered()) {
    expect(frame.controls, frame.href).toBe(0);
    expect(frame.text, frame.href).not.toMatch(/Secret|labels beat/);
  }
  await page.close();
});
