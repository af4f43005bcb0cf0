/**
 * The Summary tab tells the user what the forum would read differently (issue 11): a speaker
 * handle that is no forum username is written as text, with a warning beside the post.
 */
import type { Frame } from 'playwright-core';
import { expect, test } from 'vitest';
import { panelOf, screenshot, typeNote, useBrowser } from './harness';

const session = useBrowser();

const openTab = (panel: Frame, name: string) => panel.getByRole('tab', { name }).click();

test('a handle Discourse would read as another mention is plain text, and the Summary tab says so', async () => {
  const page = await session.browser.context.newPage();
  await page.goto(`${session.server.origin}/`);
  const panel = await panelOf(page, session.browser.extensionId);

  await openTab(panel, 'Details');
  const form = panel.getByRole('form', { name: 'Add a speaker' });
  await form.getByLabel('Name').fill('Ana Díaz');
  await form.getByLabel('Handle').fill('@ana_');
  await form.getByRole('button', { name: 'Add speaker' }).click();
  await expect.poll(() => panel.locator('.speaker strong').allTextContents()).toContain('Ana Díaz');

  await openTab(panel, 'Notes');
  await typeNote(panel, 'x_@bob asked: see www.example.org and example.com/docs');

  await openTab(panel, 'Summary');
  await panel.getByLabel('@mention speakers').check();
  await panel.getByLabel('Link every timestamp').uncheck();
  const post = await panel.locator('textarea.preview').inputValue();
  // No mention: the joiner before "@", and the handle as escaped text.
  expect(post).toContain('- **Ana Díaz** (\u2060\\@ana\\_)');
  expect(post).toContain('x\\_\u2060\\@bob asked: see www\\.example\\.org and example\\.com/docs');
  await expect.poll(() => panel.locator('.facts').textContent()).toMatch(/· 1 link$/);
  await expect
    .poll(() => panel.locator('p.warning').allTextContents())
    .toEqual([expect.stringMatching(/^"@ana_" \(Ana Díaz\) is not a forum username/)]);
  await screenshot(page, 'summary-forum-warnings');
});
