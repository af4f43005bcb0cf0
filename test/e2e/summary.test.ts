import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame } from 'playwright-core';
import { expect, test } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { formatTime } from '../../src/core/time';
import { chromiumVttCues, launch, newProfile, panelNoteTexts, panelOf, removeProfile, screenshot, SCREENSHOTS, seekTo, typeNote, useBrowser } from './harness';

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
