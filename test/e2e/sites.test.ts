import { expect, test } from 'vitest';
import {
  markerCount,
  pageDom,
  panelNoteTexts,
  panelOf,
  panelVisible,
  screenshot,
  storedNotes,
  typeNote,
  seekTo,
  useBrowser,
  videoTime,
} from './harness';

const TALK = 'Wb1nQ9rLk2A';
const OTHER = 'Zx7pT3vYq8M';
const session = useBrowser({ sites: true });

const notesOf = async (key: string) => (await storedNotes(session.browser)).filter((n) => n.recordingKey === key && n.deletedAt === undefined);

test('YouTube watch page: notes file under the video id, markers sit on the site’s own progress bar', async () => {
  const page = await session.browser.context.newPage();
  await page.goto(`https://www.youtube.com/watch?v=${TALK}`);
  const panel = await panelOf(page, session.browser.extensionId);
  await seekTo(page, 30);
  await typeNote(panel, 'On the watch page');
  await expect.poll(async () => (await notesOf(`youtube:${TALK}`)).map((n) => n.text)).toEqual(['On the watch page']);
  await expect.poll(() => markerCount(page)).toBe(1);
  expect(await page.evaluate(() => document.querySelector('.ytp-progress-bar')?.children.length)).toBe(2);
  expect((await pageDom(page)).hiddenClasses).toContain('strip');
  await screenshot(page, 'youtube-watch');

  await panel.locator('li.note').getByRole('button', { name: /^Copy a link/ }).click();
  await expect.poll(() => panel.locator('.toast-text').textContent()).toMatch(
    new RegExp(`^(Link copied|Copy this link): https://www\\.youtube\\.com/watch\\?v=${TALK}&t=28s$`),
  );
});

test('the same video embedded in a forum post is the same recording, both ways', async () => {
  const forum = await session.browser.context.newPage();
  await forum.goto(`${session.server.origin}/fixtures/forum.html`);
  const panel = await panelOf(forum, session.browser.extensionId, /youtube\.com\/embed\//);
  await expect.poll(() => panelNoteTexts(panel)).toEqual(['On the watch page']);
  const embed = forum.frames().find((f) => f.url().includes('/embed/'));
  await embed?.evaluate(() => {
    (document.querySelector('video') as HTMLVideoElement).currentTime = 90;
  });
  await typeNote(panel, 'In the forum embed');
  await screenshot(forum, 'forum-embed');

  const watch = await session.browser.context.newPage();
  await watch.goto(`https://www.youtube.com/watch?v=${TALK}`);
  const watchPanel = await panelOf(watch, session.browser.extensionId);
  await expect.poll(() => panelNoteTexts(watchPanel)).toEqual(['On the watch page', 'In the forum embed']);

  const nocookie = await session.browser.context.newPage();
  await nocookie.goto(`https://www.youtube-nocookie.com/embed/${TALK}`);
  await expect.poll(async () => panelNoteTexts(await panelOf(nocookie, session.browser.extensionId))).toEqual([
    'On the watch page',
    'In the forum embed',
  ]);
});

test('YouTube navigation switches the panel and markers before a note can be taken, and never misfiles a note', async () => {
  const page = await session.browser.context.newPage();
  await page.goto(`https://www.youtube.com/watch?v=${TALK}`);
  const panel = await panelOf(page, session.browser.extensionId);
  await expect.poll(() => panelNoteTexts(panel)).toEqual(['On the watch page', 'In the forum embed']);

  // Start a note on the first video, then move away while it is half typed.
  await seekTo(page, 50);
  await panel.locator('textarea#composer-text').pressSequentially('Half typed on the first video');
  // The panel sits beside the player, over YouTube's side column: follow the link as a script would.
  await page.locator('#related a').first().dispatchEvent('click');
  await expect.poll(() => page.url()).toContain(OTHER);
  await expect.poll(() => panelNoteTexts(panel)).toEqual([]);
  await expect.poll(() => panel.locator('textarea#composer-text').inputValue()).toBe('');
  await expect.poll(() => markerCount(page)).toBe(0);
  await seekTo(page, 20);
  await typeNote(panel, 'On the second video');

  // Back and forth quickly, ending on the second video: a note then belongs to the second video.
  await page.evaluate(
    ([a, b]) => {
      const nav = (window as unknown as { fixture: { navigate(id: string): void } }).fixture;
      nav.navigate(a as string);
      nav.navigate(b as string);
      setTimeout(() => nav.navigate(a as string), 10);
      setTimeout(() => nav.navigate(b as string), 30);
    },
    [TALK, OTHER],
  );
  await expect.poll(() => page.url()).toContain(OTHER);
  await page.waitForTimeout(300);
  await expect.poll(() => panelNoteTexts(panel)).toEqual(['On the second video']);
  await typeNote(panel, 'Second video again');
  await expect.poll(async () => (await notesOf(`youtube:${OTHER}`)).map((n) => n.text).sort()).toEqual([
    'On the second video',
    'Second video again',
  ]);

  await page.goBack();
  await expect.poll(() => page.url()).toContain(TALK);
  await expect.poll(() => panel.locator('textarea#composer-text').inputValue()).toBe('Half typed on the first video');
  expect((await notesOf(`youtube:${TALK}`)).map((n) => n.text).sort()).toEqual(['In the forum embed', 'On the watch page']);
  // Esc drops the draft: the next test starts with an empty composer.
  await panel.locator('textarea#composer-text').press('Escape');
  await expect.poll(() => panel.locator('textarea#composer-text').inputValue()).toBe('');
});

test('while an ad plays no note gets its time and the markers are hidden', async () => {
  const page = await session.browser.context.newPage();
  await page.goto(`https://www.youtube.com/watch?v=${TALK}`);
  const panel = await panelOf(page, session.browser.extensionId);
  await seekTo(page, 120);
  await expect.poll(() => markerCount(page)).toBe(2);
  await page.evaluate(() => (window as unknown as { fixture: { startAd(): Promise<void> } }).fixture.startAd());
  await expect.poll(async () => (await pageDom(page)).hiddenClasses).toContain('markers');
  const box = panel.locator('textarea#composer-text');
  await box.click();
  await box.pressSequentially('During the ad');
  await expect.poll(() => panel.locator('#composer-status').textContent()).toMatch(/ad is playing/);
  await box.press('Enter');
  await page.waitForTimeout(300);
  expect((await notesOf(`youtube:${TALK}`)).some((n) => n.text.startsWith('During the ad'))).toBe(false);

  await page.evaluate(() => (window as unknown as { fixture: { endAd(): Promise<void> } }).fixture.endAd());
  await expect.poll(() => videoTime(page)).toBeGreaterThanOrEqual(119);
  await expect.poll(async () => (await pageDom(page)).hiddenClasses).not.toContain('markers');
  await box.press('End');
  await box.pressSequentially(', then after it');
  await box.press('Enter');
  await expect.poll(async () => (await notesOf(`youtube:${TALK}`)).find((n) => n.text === 'During the ad, then after it')?.t).toBeGreaterThanOrEqual(117);
});

test('words typed while an ad plays are kept as a draft through a reload, and the note takes the time once there is one', async () => {
  const page = await session.browser.context.newPage();
  await page.goto(`https://www.youtube.com/watch?v=${TALK}`);
  let panel = await panelOf(page, session.browser.extensionId);
  await seekTo(page, 90);
  await page.evaluate(() => (window as unknown as { fixture: { startAd(): Promise<void> } }).fixture.startAd());
  const box = () => panel.locator('textarea#composer-text');
  await box().click();
  await box().pressSequentially('Typed while the ad ran');
  await expect.poll(() => panel.locator('#composer-status').textContent()).toMatch(/ad is playing/);
  // The draft interval, and a margin.
  await page.waitForTimeout(600);
  await page.reload();
  panel = await panelOf(page, session.browser.extensionId);
  await expect.poll(() => box().inputValue()).toBe('Typed while the ad ran');
  await seekTo(page, 100);
  await box().press('Enter');
  await expect.poll(async () => (await notesOf(`youtube:${TALK}`)).find((n) => n.text === 'Typed while the ad ran')?.t).toBeGreaterThanOrEqual(97);
  await page.close();
});

test('theater mode and fullscreen keep the panel and markers visible', async () => {
  const page = await session.browser.context.newPage();
  await page.goto(`https://www.youtube.com/watch?v=${TALK}`);
  await panelOf(page, session.browser.extensionId);
  await page.locator('.ytp-size-button').click();
  await expect.poll(() => page.evaluate(() => document.querySelector('ytd-watch-flexy')?.hasAttribute('theater'))).toBe(true);
  expect(await panelVisible(page, session.browser.extensionId)).toBe(true);
  await screenshot(page, 'youtube-theater');
  await page.locator('.ytp-fullscreen-button').click();
  await expect.poll(() => page.evaluate(() => document.fullscreenElement?.id)).toBe('movie_player');
  expect(await panelVisible(page, session.browser.extensionId)).toBe(true);
  expect(await markerCount(page)).toBeGreaterThan(0);
  await screenshot(page, 'youtube-fullscreen');
});

test('Vimeo: the watch page and the unlisted embed are one recording, markers on Vimeo’s progress bar', async () => {
  const page = await session.browser.context.newPage();
  await page.goto('https://vimeo.com/76979871/8272103f6e');
  const panel = await panelOf(page, session.browser.extensionId);
  await seekTo(page, 12);
  await typeNote(panel, 'On Vimeo');
  await expect.poll(async () => (await notesOf('vimeo:76979871')).map((n) => n.text)).toEqual(['On Vimeo']);
  await expect.poll(() => markerCount(page)).toBe(1);
  expect(await page.evaluate(() => document.querySelector('[data-progress-bar="true"]')?.children.length)).toBe(1);
  await panel.locator('li.note').getByRole('button', { name: /^Copy a link/ }).click();
  await expect.poll(() => panel.locator('.toast-text').textContent()).toMatch(
    /^(Link copied|Copy this link): https:\/\/vimeo\.com\/76979871\/8272103f6e#t=10s$/,
  );

  const forum = await session.browser.context.newPage();
  await forum.goto(`${session.server.origin}/fixtures/forum.html`);
  const embedPanel = await panelOf(forum, session.browser.extensionId, /player\.vimeo\.com/);
  await expect.poll(() => panelNoteTexts(embedPanel)).toEqual(['On Vimeo']);
});

test('a Vimeo event page: notes file under the video its player loads, one recording with its video page', async () => {
  const page = await session.browser.context.newPage();
  await page.goto('https://vimeo.com/event/5034253/embed');
  const panel = await panelOf(page, session.browser.extensionId);
  // The note taken on the video page (the test before) is this recording's.
  await expect.poll(() => panelNoteTexts(panel)).toEqual(['On Vimeo']);
  await seekTo(page, 40);
  await typeNote(panel, 'During the live webinar');
  await expect.poll(async () => (await notesOf('vimeo:76979871')).map((n) => n.text).sort()).toEqual([
    'During the live webinar',
    'On Vimeo',
  ]);
  await expect.poll(() => markerCount(page)).toBe(2);
  await screenshot(page, 'vimeo-event');
  await panel.locator('li.note', { hasText: 'During the live webinar' }).getByRole('button', { name: /^Copy a link/ }).click();
  await expect.poll(() => panel.locator('.toast-text').textContent()).toMatch(
    /^(Link copied|Copy this link): https:\/\/vimeo\.com\/76979871\/8272103f6e#t=(3[89]|40)s$/,
  );
  await page.close();
});

test('a Vimeo event whose player names no video is the page, as on any site, and its link opens the moment', async () => {
  const page = await session.browser.context.newPage();
  await page.goto('https://vimeo.com/event/5116195');
  const panel = await panelOf(page, session.browser.extensionId);
  await seekTo(page, 25);
  await typeNote(panel, 'Named by the page');
  await expect.poll(async () => (await notesOf('https://vimeo.com/event/5116195')).map((n) => n.text)).toEqual(['Named by the page']);
  await panel.locator('li.note').getByRole('button', { name: /^Copy a link/ }).click();
  await expect.poll(() => panel.locator('.toast-text').textContent()).toMatch(
    /^(Link copied|Copy this link): https:\/\/vimeo\.com\/event\/5116195#t=2[345]$/,
  );
  const link = /https:\S+$/.exec((await panel.locator('.toast-text').textContent()) ?? '')?.[0] ?? '';
  await page.close();
  // Opened afresh (the same page would only change its fragment), the link seeks to its moment.
  const opened = await session.browser.context.newPage();
  await opened.goto(link);
  await panelOf(opened, session.browser.extensionId);
  await expect.poll(() => videoTime(opened)).toBeCloseTo(Number(link.split('#t=')[1]), 0);
  await screenshot(opened, 'vimeo-event-page-fallback');
  await opened.close();
});

test('a YouTube live replay (/live/ID) is the video; Shorts are left out on purpose', async () => {
  const page = await session.browser.context.newPage();
  await page.goto(`https://www.youtube.com/live/${TALK}`);
  const panel = await panelOf(page, session.browser.extensionId);
  // The notes taken on the watch page are this recording's.
  await expect.poll(() => panelNoteTexts(panel)).toContain('On the watch page');
  await panel.locator('li.note').first().getByRole('button', { name: /^Copy a link/ }).click();
  await expect.poll(() => panel.locator('.toast-text').textContent()).toMatch(
    new RegExp(`^(Link copied|Copy this link): https://www\\.youtube\\.com/watch\\?v=${TALK}&t=\\d+s$`),
  );

  // Into a short: the panel and markers go; back on a watch page they come again.
  await page.evaluate((id) => (window as unknown as { fixture: { navigateToShort(id: string): void } }).fixture.navigateToShort(id), OTHER);
  await expect.poll(() => page.url()).toContain(`/shorts/${OTHER}`);
  await expect.poll(async () => (await pageDom(page)).classes).not.toContain('launcher');
  await expect.poll(() => page.frames().length).toBe(1);
  await page.evaluate((id) => (window as unknown as { fixture: { navigate(id: string): void } }).fixture.navigate(id), TALK);
  await expect.poll(async () => (await pageDom(page)).classes).toContain('launcher');
  await page.close();
});

test('a plain page opened with #t= seeks there once the video is ready', async () => {
  const page = await session.browser.context.newPage();
  await page.goto(`${session.server.origin}/#t=42`);
  const panel = await panelOf(page, session.browser.extensionId);
  await expect.poll(() => videoTime(page)).toBeCloseTo(42, 0);
  await panel.getByRole('button', { name: 'Copy a link to this moment' }).click();
  await expect.poll(() => panel.locator('.toast-text').textContent()).toMatch(
    new RegExp(`^(Link copied|Copy this link): ${session.server.origin.replaceAll('.', '\\.')}/#t=42$`),
  );
});

test('another site: nothing runs there until the user enables it', async () => {
  // Enabling goes through the popup opened from the toolbar (activeTab gives it the page's address)
  // and Chrome's permission dialog; automation can do neither, so the unit tests cover the
  // registration that follows a grant (test/unit/site-access.test.ts).
  const page = await session.browser.context.newPage();
  await page.goto('https://forum.example/talk');
  await page.waitForTimeout(500);
  expect((await pageDom(page)).classes).not.toContain('launcher');
  expect(page.frames()).toHaveLength(1);
  const granted = await (await session.browser.worker()).evaluate(() => chrome.permissions.getAll());
  expect(granted.origins).not.toContain('https://forum.example/*');
});
