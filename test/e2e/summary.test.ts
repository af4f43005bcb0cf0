import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Locator } from 'playwright-core';
import { expect, test } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { formatTime } from '../../src/core/time';
import { chromiumVttCues, launch, newProfile, openLibrary, panelNoteTexts, panelOf, removeProfile, screenshot, SCREENSHOTS, seekTo, typeNote, useBrowser } from './harness';

const session = useBrowser();

const openTab = (panel: Frame, name: string) => panel.getByRole('tab', { name }).click();

test('from notes and Q&A to a forum post, then a backup restored into a fresh profile', async () => {
  const page = await session.browser.context.newPage();
  await page.goto(`${session.server.origin}/`);
  const panel = await panelOf(page, session.browser.extensionId);

  // Details and speakers.
  await openTab(panel, 'Details');
  await panel.getByLabel('Title').fill('Accessible forms in practice');
  await panel.getByLabel('Date').fill('2026-11-12');
  await panel.getByLabel('Organiser').fill('The A11y Guild');
  await panel.getByLabel('Description').fill('Labels, errors and keyboard flows, with questions from the audience.');
  await panel.getByRole('button', { name: 'Save details' }).click();
  await expect.poll(() => panel.getByRole('status').first().textContent()).toBe('Saved.');
  const addSpeaker = async (name: string, role: string, org: string) => {
    const form = panel.getByRole('form', { name: 'Add a speaker' });
    await form.getByLabel('Name').fill(name);
    await form.getByLabel('Role').fill(role);
    await form.getByLabel('Organisation').fill(org);
    await form.getByRole('button', { name: 'Add speaker' }).click();
    await expect.poll(() => panel.locator('.speaker strong').allTextContents()).toContain(name);
  };
  await addSpeaker('Ada Example', 'Accessibility lead', 'Example Org');
  await addSpeaker('Grace Sample, PhD', 'Front-end engineer', 'Sample Co');
  await screenshot(page, 'details-tab');

  // Notes with the speaker of the moment.
  await openTab(panel, 'Notes');
  await panel.getByLabel('Now speaking').selectOption({ label: 'Ada Example' });
  await seekTo(page, 62);
  await typeNote(panel, 'Labels beat placeholders *every* time');
  await panel.getByLabel('Now speaking').selectOption({ label: 'Grace Sample, PhD' });
  await seekTo(page, 152);
  await typeNote(panel, 'Errors go next to the field, not in a <div> at the top');
  await expect.poll(() => panelNoteTexts(panel)).toEqual([
    'Ada Example: Labels beat placeholders *every* time',
    'Grace Sample, PhD: Errors go next to the field, not in a <div> at the top',
  ]);

  // Q&A: one typed, answered; one pasted; one left unanswered.
  await openTab(panel, 'Q&A');
  await seekTo(page, 200);
  const ask = panel.getByRole('form', { name: 'Add a question' });
  await ask.getByLabel('Question').fill('Is a placeholder ever enough?');
  await ask.getByLabel('Asked by').fill('Sam');
  await ask.getByRole('button', { name: 'Add question' }).click();
  const item = panel.locator('.qa-item', { hasText: 'Is a placeholder ever enough?' });
  await item.getByRole('button', { name: 'Add answer' }).click();
  await item.getByLabel('Answered by').selectOption({ label: 'Ada Example' });
  await item.getByLabel('Answer', { exact: true }).fill('No: it disappears when you type.');
  await item.getByRole('button', { name: 'Save answer' }).click();
  await expect.poll(() => item.locator('.answer').textContent()).toContain('Ada Example: No: it disappears when you type.');

  await panel.getByRole('button', { name: 'Paste Q&A…' }).click();
  await panel
    .getByLabel('Paste questions and answers')
    .fill('Q: Do screen readers announce inline errors?\nA: Grace: Only with aria-live or focus management.\n\nQ: Where are the slides?');
  await expect.poll(() => panel.locator('.qa-preview > li').count()).toBe(2);
  await screenshot(page, 'qa-paste');
  await panel.getByRole('button', { name: 'Add 2 questions' }).click();
  await expect.poll(() => panel.locator('.qa-item').count()).toBe(3);
  await expect.poll(() => panel.locator('.qa-count').textContent()).toBe('3 questions · 2 answered · 1 unanswered');
  await screenshot(page, 'qa-tab');

  // The forum post.
  await openTab(panel, 'Summary');
  const post = await panel.locator('textarea.preview').inputValue();
  const lines = post.split('\n');
  expect(lines[0]).toMatch(/^# Accessible forms in practice/);
  expect(post).toContain('12 November 2026');
  expect(lines).toContain(`${session.server.origin}/`);
  expect(post).toContain('## Speakers');
  expect(post).toMatch(/Grace Sample, PhD/);
  expect(post).toContain('\\*every\\*');
  expect(post).not.toContain('<div>');
  expect(post).toContain('[details="Q&A summary (3 questions)"]');
  expect(post).toMatch(/^\*\*\[3:20\]\(http:\/\/127\.0\.0\.1:\d+\/#t=200\) Is a placeholder ever enough\?\*\* — asked by Sam$/m);
  expect(post).toMatch(/Ada Example.*No: it disappears when you type\./);
  expect(post).not.toMatch(/(^|\s)@\w/);
  await expect.poll(() => panel.locator('.facts').textContent()).toMatch(/characters · \d+ links/);
  writeFileSync(join(SCREENSHOTS, 'forum-post.md'), post);
  // The tab opens on the post's preview, once its renderer has loaded.
  await expect
    .poll(() => panel.getByRole('region', { name: 'Preview, as the forum shows it' }).locator('h1').textContent())
    .toBe('Accessible forms in practice — 12 November 2026');
  await screenshot(page, 'summary-tab');

  // Open it as a new topic on the forum: Discourse's composer takes title and body from the URL.
  await panel.getByLabel('Forum address').fill(session.server.origin);
  const [topic] = await Promise.all([
    session.browser.context.waitForEvent('page'),
    panel.getByRole('button', { name: 'Open as a new topic' }).click(),
  ]);
  const opened = new URL(topic.url());
  expect(`${opened.origin}${opened.pathname}`).toBe(`${session.server.origin}/new-topic`);
  expect(opened.searchParams.get('title')).toBe('Accessible forms in practice');
  expect(opened.searchParams.get('body')).toBe(post);
  await topic.close();

  // Back up everything, restore into a fresh profile, nothing lost.
  const library = await session.browser.context.newPage();
  await library.goto(`chrome-extension://${session.browser.extensionId}/src/pages/library/index.html`);
  const [download] = await Promise.all([library.waitForEvent('download'), library.getByRole('button', { name: 'Export everything' }).click()]);
  const file = join(SCREENSHOTS, 'backup.json');
  await download.saveAs(file);

  const fresh = await launch(newProfile());
  try {
    const restore = await fresh.context.newPage();
    await restore.goto(`chrome-extension://${fresh.extensionId}/src/pages/library/index.html`);
    await restore.getByLabel('Import a backup…').setInputFiles(file);
    await expect.poll(() => restore.locator('.backup-result').textContent()).toMatch(/^Restored from backup\.json: \d+ added/);
    const again = await fresh.context.newPage();
    await again.goto(`${session.server.origin}/`);
    const restoredPanel = await panelOf(again, fresh.extensionId);
    await expect.poll(() => panelNoteTexts(restoredPanel)).toEqual([
      'Ada Example: Labels beat placeholders *every* time',
      'Grace Sample, PhD: Errors go next to the field, not in a <div> at the top',
    ]);
    await openTab(restoredPanel, 'Summary');
    await expect.poll(() => restoredPanel.locator('textarea.preview').inputValue()).toBe(post);

    // A broken file changes nothing and says why.
    writeFileSync(join(SCREENSHOTS, 'broken.json'), '{"format":"webinar-notes-backup","version":1,"recordings":[');
    await restore.getByLabel('Import a backup…').setInputFiles(join(SCREENSHOTS, 'broken.json'));
    await expect.poll(() => restore.locator('.backup-result').textContent()).toMatch(/cut off or is not JSON/);
  } finally {
    await fresh.close();
    removeProfile(fresh.profile);
  }
});

// Issue 11, item 6: the panel said "under 10 s apart" for a note left out for being near the end,
// and a WebVTT cue could run past the end of the recording.
test('the chapters name each note they leave out, with its reason, and the WebVTT track ends no cue past the end', async () => {
  const page = await session.browser.context.newPage();
  await page.goto(`${session.server.origin}/?talk=chapters`);
  const panel = await panelOf(page, session.browser.extensionId);
  const duration = await page.evaluate(() => (document.querySelector('video') as HTMLVideoElement).duration);
  expect(duration).toBeGreaterThan(60);
  // Each note gets the time typing started minus the lead-in (2 s by default).
  const notes: [number, string][] = [
    [0, 'Opening'],
    [4, 'Too soon after the opening'],
    [20, 'Middle'],
    [40, 'Later'],
    [duration - 3, 'Almost over 👩‍💻'],
  ];
  for (const [t, text] of notes) {
    await seekTo(page, t + DEFAULT_SETTINGS.leadInSeconds);
    await typeNote(panel, text);
  }
  await expect.poll(() => panelNoteTexts(panel)).toHaveLength(notes.length);

  await openTab(panel, 'Summary');
  await panel.getByLabel('Format').selectOption('chapters');
  const end = formatTime(Math.floor(duration));
  await expect.poll(() => panel.locator('textarea.preview').inputValue()).toBe('0:00 Opening\n0:20 Middle\n0:40 Later\n');
  const leftOut = panel.getByRole('list', { name: 'Notes left out' }).getByRole('listitem');
  await expect.poll(() => leftOut.allTextContents()).toEqual([
    'The note at 0:04 “Too soon after the opening” is left out: it is less than 10 s after the chapter at 0:00.',
    `The note at ${formatTime(duration - 3)} “Almost over 👩‍💻” is left out: it is less than 10 s before the end of the recording (${end}).`,
  ]);
  expect(await panel.locator('.facts').textContent()).toBe('2 notes left out');
  await screenshot(page, 'summary-chapters-left-out');

  // The WebVTT has room for every note: the last cue is cut at the end, not 5 s past the note.
  await panel.getByLabel('Format').selectOption('vtt');
  await expect.poll(() => leftOut.count()).toBe(0);
  const vtt = await panel.locator('textarea.preview').inputValue();
  // Chromium's own WebVTT parser, through a <track>.
  const cues = (await chromiumVttCues(page, vtt)).map((cue) => [cue.start, cue.end, cue.raw] as const);
  expect(cues.map(([, , text]) => text)).toEqual(['Opening', 'Too soon after the opening', 'Middle', 'Later', 'Almost over 👩‍💻']);
  const endMs = Math.round(duration * 1000) / 1000;
  for (const [start, stop] of cues) expect(start < stop && stop <= endMs).toBe(true);
  expect(cues.at(-1)?.[1]).toBe(endMs);
  await page.close();
});

/** `text` as a regular expression's literal. */
const literal = (text: string): string => text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');

/** What a reader sees of an element's text: the forum post's word joiners (U+2060) are invisible. */
async function seen(element: Locator): Promise<string> {
  return ((await element.textContent()) ?? '').replaceAll('\u2060', '');
}

/** What the rendered preview shows: each item's text and the elements in it, read from its DOM. */
interface Shown {
  text: string;
  /** Tag names of the elements inside (BR left out: a line break is text here). */
  elements: string[];
}

/**
 * The rendered post's items (li) under the heading `heading`, as the reader sees them; a note's
 * quote of the captions (a blockquote the export writes under it) left out.
 */
function itemsUnder(region: Locator, heading: string): Promise<Shown[]> {
  return region.evaluate((root, name) => {
    const h2 = [...root.querySelectorAll('h2')].find((el) => el.textContent === name);
    const list = h2?.nextElementSibling;
    if (!list || list.tagName !== 'UL') return [];
    return [...list.children].map((li) => {
      const own = li.cloneNode(true) as Element;
      for (const quote of own.querySelectorAll('blockquote')) quote.remove();
      return {
        text: (own.textContent ?? '').replaceAll('\u2060', '').trimEnd(),
        elements: [...own.querySelectorAll('*')].map((el) => el.tagName).filter((tag) => tag !== 'BR'),
      };
    });
  }, heading);
}

// Issue 15, item 5: the Summary tab shows the post as the forum will, so the writer sees bold,
// links and folding before posting; and everything typed shows as typed, no markup of its own.
test('the Summary tab previews the post as the forum shows it: typed text literally, the export’s bold, links and folding as such', async () => {
  const page = await session.browser.context.newPage();
  await page.goto(`${session.server.origin}/?talk=preview`);
  const panel = await panelOf(page, session.browser.extensionId);

  // Typed text rich in what Markdown, HTML, BBCode and Discourse read as markup. No quotes, "--" or
  // "(c)": Discourse's typographer makes them curly quotes, dashes and ©, and so does the preview.
  const TITLE = 'Forms <b>&amp;</b> *fun* @team #a11y :tada:';
  const SPEAKER = 'Ada *Lovelace* <dev> [b]x[/b]';
  const NOTES = [
    '*bold* and **strong**, _em_ ~~gone~~ `code` ==mark==',
    '<script>alert(1)</script> <img src=x onerror=alert(1)> &amp; &lt;',
    '[click](javascript:alert(1)) [b]BBCode[/b] [details=Open me]hidden[/details] ![p](https://tracker.example/p.png)',
    '@mention #tag :smile: x_@bob mail bob@example.com, see example.com/docs',
    '# not a heading',
    '1. not a list',
    'שלום עולם, a note in Hebrew',
  ];
  const QUESTION = 'Is [quote]this[/quote] <i>ok</i>? @host #q';
  const ANSWER = 'Yes: **no** :wave: [url=https://x.example]x[/url]';

  await openTab(panel, 'Details');
  await panel.getByLabel('Title').fill(TITLE);
  await panel.getByRole('button', { name: 'Save details' }).click();
  await expect.poll(() => panel.getByRole('status').first().textContent()).toBe('Saved.');
  const addSpeaker = panel.getByRole('form', { name: 'Add a speaker' });
  await addSpeaker.getByLabel('Name').fill(SPEAKER);
  await addSpeaker.getByRole('button', { name: 'Add speaker' }).click();
  await expect.poll(() => panel.locator('.speaker strong').allTextContents()).toEqual([SPEAKER]);

  await openTab(panel, 'Notes');
  for (const [i, text] of NOTES.entries()) {
    await seekTo(page, 10 + 10 * i);
    await typeNote(panel, text);
  }
  await expect.poll(() => panelNoteTexts(panel)).toEqual(NOTES);

  await openTab(panel, 'Q&A');
  const ask = panel.getByRole('form', { name: 'Add a question' });
  await ask.getByLabel('Question').fill(QUESTION);
  await ask.getByLabel('Asked by').fill('Sam :wave:');
  await ask.getByRole('button', { name: 'Add question' }).click();
  const item = panel.locator('.qa-item', { hasText: 'Is [quote]this' });
  await item.getByRole('button', { name: 'Add answer' }).click();
  await item.getByLabel('Answered by').selectOption({ label: SPEAKER });
  await item.getByLabel('Answer', { exact: true }).fill(ANSWER);
  await item.getByRole('button', { name: 'Save answer' }).click();
  await expect.poll(() => item.locator('.answer').textContent()).toContain(ANSWER);

  // The preview is what the narrow panel shows first; the text is one switch away.
  await openTab(panel, 'Summary');
  const preview = panel.getByRole('region', { name: 'Preview, as the forum shows it' });
  await expect.poll(() => seen(preview.locator('h1'))).toBe(TITLE);
  expect(await panel.locator('textarea.preview').isVisible()).toBe(false);

  // Everything typed reads back as typed, with no element of its own: no bold, link, image,
  // mention, hashtag, emoji, script, heading or list. Each note is its time link and its text.
  const notes = await itemsUnder(preview, 'Key points');
  expect(notes.map((note) => note.text.replace(/^\d+:\d\d /, ''))).toEqual(NOTES);
  // A typed http(s) URL is a link, as the export writes it (and counts it); it stays no picture.
  const typedLinks = NOTES.map((note) => (note.includes('https://') ? ['A'] : []));
  expect(notes.map((note) => note.elements)).toEqual(typedLinks.map((typed) => ['A', ...typed]));
  expect(await itemsUnder(preview, 'Speakers')).toEqual([{ text: SPEAKER, elements: ['STRONG'] }]);
  expect(await preview.locator('script, img, .mention, .hashtag, .emoji, .md-image, em, s, code, h3, ol').count()).toBe(0);
  expect(await preview.locator('h2').allTextContents()).toEqual(['Speakers', 'Key points', 'Q&A']);
  // Every link is one the export wrote: the recording, the times and the typed URL, each opening
  // a new tab with no opener.
  const links = await preview.locator('a').evaluateAll((anchors) =>
    anchors.map((a) => ({ href: a.getAttribute('href'), target: a.getAttribute('target'), rel: a.getAttribute('rel') })),
  );
  const recording = /^http:\/\/127\.0\.0\.1:\d+\/\?talk=preview(#t=\d+)?$/;
  expect(links.filter((link) => !recording.test(link.href ?? ''))).toEqual([
    { href: 'https://tracker.example/p.png', target: '_blank', rel: 'noopener noreferrer' },
  ]);
  expect(links.filter((link) => recording.test(link.href ?? ''))).toEqual(
    // The recording, each note's time, the question's and the answer's.
    Array.from({ length: 1 + NOTES.length + 2 }, () => ({ href: expect.stringMatching(recording), target: '_blank', rel: 'noopener noreferrer' })),
  );
  // Each paragraph and item takes its own direction: the Hebrew note reads right to left.
  const hebrew = preview.locator('li', { hasText: 'שלום' });
  expect(await hebrew.getAttribute('dir')).toBe('auto');
  expect(await hebrew.evaluate((li) => li.matches(':dir(rtl)'))).toBe(true);

  await preview.locator('h2', { hasText: 'Key points' }).evaluate((h2) => h2.scrollIntoView({ block: 'start' }));
  await screenshot(page, 'summary-preview');

  // The Q&A folded away, as the forum folds it: closed, opened by its summary.
  const folded = preview.locator('details');
  await expect.poll(() => folded.locator('summary').textContent()).toBe('Q&A summary (1 question)');
  expect(await folded.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(false);
  await folded.locator('summary').click();
  expect(await folded.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(true);
  // The question in the export's bold, its time a link; the answer by its speaker, in bold.
  expect(await seen(folded.locator('p > strong'))).toMatch(new RegExp(`^\\d+:\\d\\d ${literal(QUESTION)}$`));
  expect(await folded.locator('p > strong *').evaluateAll((els) => els.map((el) => el.tagName))).toEqual(['A']);
  expect(await seen(folded.locator('p'))).toMatch(/ — asked by Sam :wave:$/);
  expect(await itemsUnder(preview, 'Q&A')).toEqual([]);
  const answer = folded.locator('li');
  expect(await seen(answer)).toMatch(new RegExp(`^${literal(SPEAKER)} \\(\\d+:\\d\\d\\): ${literal(ANSWER)}$`));
  expect(await answer.locator('*').evaluateAll((els) => els.map((el) => el.tagName))).toEqual(['STRONG', 'A']);

  // The preview follows the options: the Q&A unfolded, then no time links.
  await panel.getByLabel('Q&A folded away').uncheck();
  await expect.poll(() => preview.locator('details').count()).toBe(0);
  expect(await seen(preview.locator('p > strong').first())).toMatch(/ok<\/i>\? @host #q$/);
  await panel.getByLabel('Link every timestamp').uncheck();
  await expect.poll(() => preview.locator('a').count()).toBe(2);
  expect((await itemsUnder(preview, 'Key points')).map((note) => note.elements)).toEqual(typedLinks);

  // The switch, by keyboard: the text, then the preview again.
  await panel.getByRole('radio', { name: 'Preview' }).focus();
  await page.keyboard.press('ArrowLeft');
  expect(await panel.getByRole('radio', { name: 'Text' }).isChecked()).toBe(true);
  await expect.poll(() => panel.locator('textarea.preview').isVisible()).toBe(true);
  expect(await preview.isVisible()).toBe(false);
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => preview.isVisible()).toBe(true);

  // The Markdown file, as a CommonMark reader shows it: the same typed text, literally.
  await panel.getByLabel('Format').selectOption('markdown');
  const markdown = panel.getByRole('region', { name: 'Preview, as a Markdown reader shows it' });
  await expect.poll(() => seen(markdown.locator('h1'))).toBe(TITLE);
  const mdNotes = await itemsUnder(markdown, 'Notes');
  expect(mdNotes.map((note) => note.text.replace(/^\d+:\d\d /, ''))).toEqual(NOTES);
  expect(mdNotes.map((note) => note.elements)).toEqual(typedLinks.map((typed) => ['A', ...typed]));
  expect(await markdown.locator('script, img, em, s, code, h3, ol, details').count()).toBe(0);

  // The library's recording page has room for both: the text and the preview summary by summary.
  const library = await openLibrary(session.browser);
  await library.setViewportSize({ width: 1100, height: 1000 });
  await library.getByRole('button', { name: TITLE }).click();
  const summary = library.getByRole('region', { name: 'Summary and exports' });
  const beside = summary.getByRole('region', { name: 'Preview, as the forum shows it' });
  await expect.poll(() => seen(beside.locator('h1'))).toBe(TITLE);
  expect((await itemsUnder(beside, 'Key points')).map((note) => note.text.replace(/^\d+:\d\d /, ''))).toEqual(NOTES);
  expect(await summary.locator('textarea.preview').isVisible()).toBe(true);
  expect(await summary.getByRole('radio', { name: 'Preview' }).isVisible()).toBe(false);
  await summary.getByRole('heading', { name: 'Summary and exports' }).evaluate((h3) => h3.scrollIntoView({ block: 'start' }));
  await screenshot(library, 'library-summary');
  await library.close();
  await page.close();
});
