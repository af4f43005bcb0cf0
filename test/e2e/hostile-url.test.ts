/**
 * A plain page that sets its own address to Markdown (history.replaceState), then a note and the
 * forum post read from the panel's Summary tab, rendered as Discourse would: one link to the page,
 * one timestamp link, no image.
 */
import { expect, test } from 'vitest';
import { canonicalUrl, discourseMarkdown, linksOf } from '../unit/export/markdown-renderers';
import { panelNoteTexts, panelOf, typeNote, useBrowser } from './harness';

const session = useBrowser();

test('a page address made of Markdown reaches the forum post as one link, with no image', async () => {
  const page = await session.browser.context.newPage();
  await page.goto(`${session.server.origin}/fixtures/hostile-url.html`);
  const address = await page.evaluate(() => location.href);
  expect(address).toBe(`${session.server.origin}/talk)![p](https://tracker.example/p.png)`);

  const panel = await panelOf(page, session.browser.extensionId);
  await typeNote(panel, 'A point worth a link');
  await expect.poll(() => panelNoteTexts(panel)).toEqual(['A point worth a link']);

  await panel.getByRole('tab', { name: 'Summary' }).click();
  const post = await panel.locator('textarea.preview').inputValue();
  const { hrefs, embeds } = linksOf(discourseMarkdown(post));
  expect(embeds).toBe(0);
  expect(hrefs).toHaveLength(2);
  const [recordingLink, noteLink] = hrefs.map((href) => new URL(href)) as [URL, URL];
  expect(canonicalUrl(recordingLink.href)).toBe(canonicalUrl(address));
  expect(noteLink.hash).toMatch(/^#t=\d+$/);
  noteLink.hash = '';
  expect(canonicalUrl(noteLink.href)).toBe(canonicalUrl(address));
  await expect.poll(() => panel.locator('.facts').textContent()).toMatch(/ 2 links$/);
  // The recording's line: the page's address, its markup percent-encoded.
  expect(post.split('\n')).toContain(`${session.server.origin}/talk%29%21%5Bp%5D%28https://tracker.example/p.png%29`);
});
