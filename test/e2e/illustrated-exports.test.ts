/**
 * The exports with pictures in real Chromium: a frame attached on the demo page and slides brought
 * in by a backup go into the handout (every picture decodes, the typed text reads back literally,
 * it prints to a PDF of a few pages) and into the Markdown zip (every link a file, the bytes the
 * stored ones); a backup with pictures restores them byte for byte in a fresh profile, and a
 * damaged picture in a file is named and left out while the rest comes in.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { type BackupImage, makeBackup } from '../../src/core/backup';
import { formatBytes } from '../../src/core/images';
import type { Note, QaItem, Recording } from '../../src/core/model';
import { commonMark } from '../unit/export/markdown-renderers';
import { pauseAt } from './frames-helpers';
import {
  type Browser, importFile, launch, newProfile, openLibrary, panelOf, removeProfile, SCREENSHOTS, screenshot, seriousViolations, storedNotes,
  storedRows, useBrowser, withTimeout, writeFixture,
} from './harness';

const session = useBrowser();

const TITLE = 'Forms <b>&amp;</b> *fun* @team #a11y :tada:';
const SPEAKER = 'Ada *Lovelace* <dev> [b]x[/b]';
const FRAMED = 'Error summary <img src=x onerror=alert(1)> &amp;';
const NOTES: [number, string][] = [
  [10, '*bold* and **strong**, _em_ ~~gone~~ `code` ==mark=='],
  [70, '<script>alert(1)</script> &lt; [b]BBCode[/b]'],
  [130, '[click](javascript:alert(1)) ![p](https://tracker.example/p.png)'],
  [250, 'مرحبا بالعالم — right to left'],
];
const QUESTION = 'Is [quote]this[/quote] <i>ok</i>? @host #q';
const ANSWER = 'Yes: **no** :wave: <u>x</u>';
const SLIDE_TIMES = [30, 60, 120, 180, 240, 300];

/** A stored picture as the tests compare it: its facts and the SHA-256 of its picture and thumbnail. */
interface Digest {
  id: string;
  kind: string;
  t: number;
  noteId?: string;
  type: string;
  thumbType: string;
  width: number;
  height: number;
  bytes: number;
  picture: string;
  thumb: string;
}

/** Every stored picture's digest, read and hashed in an extension page of `browser`. */
async function digests(browser: Browser): Promise<Digest[]> {
  const page = await browser.context.newPage();
  try {
    await page.goto(`chrome-extension://${browser.extensionId}/src/pages/options/index.html`);
    const rows = await withTimeout('hashing the stored pictures', page.evaluate(async () => {
      const images = await new Promise<{ id: string; kind: string; t: number; noteId?: string; type: string; width: number; height: number; bytes: number; blob: Blob; thumb: Blob }[]>((done, fail) => {
        const open = indexedDB.open('webinar-notes');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('images').objectStore('images').getAll();
          request.onsuccess = () => {
            done(request.result);
            open.result.close();
          };
          request.onerror = () => fail(request.error);
        };
      });
      const hex = async (blob: Blob) => [...new Uint8Array(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer()))].map((b) => b.toString(16).padStart(2, '0')).join('');
      return Promise.all(images.map(async ({ blob, thumb, ...facts }) => ({ ...facts, thumbType: thumb.type, picture: await hex(blob), thumb: await hex(thumb) })));
    }));
    return rows.map(({ id, kind, t, noteId, type, thumbType, width, height, bytes, picture, thumb }) =>
      ({ id, kind, t, ...(noteId ? { noteId } : {}), type, thumbType, width, height, bytes, picture, thumb })).sort((a, b) => a.t - b.t);
  } finally {
    await page.close();
  }
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Slides drawn and encoded as WebP by the page (1280×720, each its own colour and number), with thumbnails. */
function drawSlides(page: Page, times: number[]): Promise<{ t: number; data: string; thumb: string }[]> {
  return page.evaluate(async (times) => {
    const encode = async (width: number, height: number, n: number) => {
      const canvas = new OffscreenCanvas(width, height);
      const context = canvas.getContext('2d')!;
      context.fillStyle = `hsl(${n * 57} 60% 85%)`;
      context.fillRect(0, 0, width, height);
      context.fillStyle = '#123';
      context.font = `bold ${Math.round(height / 6)}px sans-serif`;
      context.fillText(`Slide ${n + 1}`, width / 10, height / 2);
      context.fillRect(width / 10, (height * 2) / 3, (width * (n + 1)) / 10, height / 20);
      const blob = await canvas.convertToBlob({ type: 'image/webp', quality: 0.85 });
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let binary = '';
      for (const byte of bytes) binary += String.fromCharCode(byte);
      return btoa(binary);
    };
    return Promise.all(times.map(async (t, n) => ({ t, data: await encode(1280, 720, n), thumb: await encode(240, 135, n) })));
  }, times);
}

test('a frame attached on the demo page and slides from a backup go into the handout and the zip; the handout prints', async () => {
  const page = await session.browser.context.newPage();
  await page.goto(`${session.server.origin}/`);
  const panel = await panelOf(page, session.browser.extensionId);
  await pauseAt(page, 42);
  const box = panel.locator('textarea#composer-text');
  await box.click();
  await box.pressSequentially(FRAMED, { delay: 5 });
  await panel.getByRole('button', { name: 'Attach frame' }).click();
  await expect.poll(() => panel.locator('.composer .frame-thumb img').count()).toBe(1);
  await box.press('Enter');
  await expect.poll(async () => (await storedNotes(session.browser)).some((note) => note.text === FRAMED)).toBe(true);
  await panel.getByRole('tab', { name: 'Summary' }).click();
  await expect.poll(() => panel.getByRole('region', { name: 'With pictures' }).locator('p').textContent()).toBe('1 frame, placed by time.');

  // Slides, typed text full of markup, a speaker and Q&A come in by a backup of the same recording.
  const [stored] = await storedRows<Recording>(session.browser, 'recordings');
  const now = Date.now();
  const recording: Recording = {
    ...stored!,
    details: { ...stored!.details, title: TITLE },
    speakers: [{ id: 'sp1', name: SPEAKER }],
    updatedAt: now,
    fieldsUpdatedAt: { ...stored!.fieldsUpdatedAt, 'details.title': now, speakers: now },
  };
  const notes: Note[] = NOTES.map(([t, text], i) => ({ id: `typed-${i}`, recordingKey: recording.key, t, text, speakerId: i === 1 ? 'sp1' : undefined, createdAt: now, updatedAt: now }));
  const qa: QaItem[] = [{ id: 'q1', recordingKey: recording.key, question: QUESTION, t: 280, answers: [{ speakerId: 'sp1', text: ANSWER }], createdAt: now, updatedAt: now }];
  const images: BackupImage[] = (await drawSlides(page, SLIDE_TIMES)).map(({ t, data, thumb }, i) => ({
    id: `slide-${i}`, recordingKey: recording.key, kind: 'slide', t, type: 'image/webp', width: 1280, height: 720, data,
    thumbType: 'image/webp', thumbWidth: 240, thumbHeight: 135, thumb, hash: `${i}`.padStart(16, 'a'), createdAt: now, updatedAt: now,
  }));
  const library = await openLibrary(session.browser);
  const file = writeFixture('slides-backup.json', JSON.stringify(makeBackup({ recordings: [recording], notes, qa, images }, new Date())));
  expect(await importFile(library, file)).toMatch(/^Restored from slides-backup\.json: 11 added, 1 merged/);
  const stored7 = await digests(session.browser);
  expect(stored7.map((d) => d.kind)).toEqual(['slide', 'frame', 'slide', 'slide', 'slide', 'slide', 'slide']);

  // The recording's page offers both files, and says what pictures they hold.
  await library.setViewportSize({ width: 1100, height: 1000 });
  await library.getByRole('button', { name: TITLE }).click();
  const summary = library.getByRole('region', { name: 'Summary and exports' });
  const pictures = summary.getByRole('region', { name: 'With pictures' });
  await expect.poll(() => pictures.locator('p').textContent()).toBe('6 slides and 1 frame, placed by time.');
  expect(await summary.locator('textarea.preview').inputValue()).toMatch(/\n6 slides and 1 frame are in the handout\.\n$/);
  await pictures.scrollIntoViewIfNeeded();
  await screenshot(library, 'library-with-pictures');
  expect(await seriousViolations(library)).toEqual([]);

  // The handout, opened as the file it is.
  const [handoutDownload] = await Promise.all([library.waitForEvent('download'), pictures.getByRole('button', { name: 'Handout (.html)' }).click()]);
  expect(handoutDownload.suggestedFilename()).toBe('Forms -b-&amp;--b- -fun- @team #a11y -tada-.html');
  const handoutFile = join(SCREENSHOTS, 'handout.html');
  await handoutDownload.saveAs(handoutFile);
  const handout = await session.browser.context.newPage();
  await handout.setViewportSize({ width: 900, height: 1200 });
  await handout.goto(`file://${handoutFile}`);
  const decoded = await handout.evaluate(async () => {
    const images = [...document.images];
    await Promise.all(images.map((image) => image.decode()));
    return images.map((image) => ({ width: image.naturalWidth, alt: image.alt, inNote: image.closest('li.note')?.textContent ?? null }));
  });
  expect(decoded.map((image) => image.alt)).toEqual(['Slide at 0:30', 'Frame at 0:42', 'Slide at 1:00', 'Slide at 2:00', 'Slide at 3:00', 'Slide at 4:00', 'Slide at 5:00']);
  for (const image of decoded) expect(image.width, image.alt).toBeGreaterThan(0);
  expect(decoded[1]!.inNote).toContain(FRAMED);
  expect(await handout.evaluate(() => document.documentElement.lang)).toBe('en');
  expect(await handout.locator('h1').textContent()).toBe(TITLE);
  // Each note's words, without its time and speaker (its first paragraph; the demo's captions give the framed one a quote).
  const noteTexts = await handout.locator('li.note .note-body > p:first-child').evaluateAll((paragraphs) =>
    paragraphs.map((p) => {
      const words = p.cloneNode(true) as Element;
      words.querySelectorAll('.time, strong').forEach((element) => element.remove());
      return [p.querySelector('strong')?.textContent ?? null, words.textContent];
    }));
  expect(noteTexts).toEqual([[null, NOTES[0]![1]], [null, FRAMED], [`${SPEAKER}:`, ` ${NOTES[1]![1]}`], [null, NOTES[2]![1]], [null, NOTES[3]![1]]]);
  expect(await handout.locator('li.note').nth(1).locator('blockquote').count()).toBe(1);
  expect(await handout.locator('.qa-item').textContent()).toContain(QUESTION);
  expect(await handout.locator('.qa-item li').textContent()).toBe(`${SPEAKER}: ${ANSWER}`);
  // Only what the handout writes: nothing typed became an element, nothing runs.
  expect(await handout.locator('script, iframe, b, i, u, em, code').count()).toBe(0);
  // Each note under the slide shown before it: the note at 0:10 before any, at 4:10 under 4:00's.
  const blocks = await handout.locator('section.block').evaluateAll((sections) =>
    sections.map((section) => [section.querySelector('.slide img')?.getAttribute('alt') ?? null, section.querySelectorAll('li.note').length]));
  expect(blocks).toEqual([[null, 1], ['Slide at 0:30', 1], ['Slide at 1:00', 1], ['Slide at 2:00', 1], ['Slide at 3:00', 0], ['Slide at 4:00', 1], ['Slide at 5:00', 0]]);
  // The frame is the stored one, byte for byte.
  const frameSrc = await handout.locator('li.note .frames img').getAttribute('src');
  expect(sha256(Buffer.from(frameSrc!.replace(/^data:image\/webp;base64,/, ''), 'base64'))).toBe(stored7[1]!.picture);
  await screenshot(handout, 'handout');
  await handout.screenshot({ path: join(SCREENSHOTS, 'handout-full.png'), fullPage: true });

  // Printed: a PDF of a few A4 pages (title and speakers, seven slide blocks of which two fit a page, the Q&A).
  await handout.emulateMedia({ media: 'print' });
  await handout.screenshot({ path: join(SCREENSHOTS, 'handout-print-media.png') });
  const pdf = await handout.pdf({ format: 'A4' });
  writeFileSync(join(SCREENSHOTS, 'handout.pdf'), pdf);
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g)?.length ?? 0;
  expect(pages).toBeGreaterThanOrEqual(3);
  expect(pages).toBeLessThanOrEqual(7);
  await handout.close();

  // The Markdown zip: every picture the document shows is in it, with the stored bytes.
  const [zipDownload] = await Promise.all([library.waitForEvent('download'), pictures.getByRole('button', { name: 'Markdown + images (.zip)' }).click()]);
  expect(zipDownload.suggestedFilename()).toBe('Forms -b-&amp;--b- -fun- @team #a11y -tada-.zip');
  const zip = await JSZip.loadAsync(readFileSync(await zipDownload.path()));
  const folder = 'Forms -b-&amp;--b- -fun- @team #a11y -tada-';
  const markdown = await zip.file(`${folder}/${folder}.md`)!.async('string');
  const links = [...commonMark(markdown).matchAll(/<img src="([^"]+)" alt="([^"]*)"/g)].map((m) => m[1]!);
  expect(links).toHaveLength(7);
  const zipped = await Promise.all(links.map(async (link) => sha256(await zip.file(`${folder}/${link}`)!.async('uint8array'))));
  expect(zipped.sort()).toEqual(stored7.map((d) => d.picture).sort());

  // The panel's Summary tab, opened before the library, has followed: it offers the same two files.
  await expect.poll(() => panel.getByRole('region', { name: 'With pictures' }).locator('p').textContent()).toBe('6 slides and 1 frame, placed by time.');
  const section = panel.getByRole('region', { name: 'With pictures' });
  await page.bringToFront();
  await section.evaluate((element) => element.scrollIntoView({ block: 'end' }));
  await (await panel.frameElement()).screenshot({ path: join(SCREENSHOTS, 'summary-with-pictures-panel.png') });
  await library.close();
  await page.close();
});

test('a backup with pictures says its size and restores every picture byte for byte in a fresh profile; a damaged one is named and left out', async () => {
  const library = await openLibrary(session.browser);
  const original = await digests(session.browser);
  expect(original).toHaveLength(7);

  await library.getByRole('button', { name: 'Export everything' }).click();
  const choice = library.getByRole('group', { name: 'Export everything' });
  const without = choice.getByRole('button', { name: /^Without images, / });
  const withImages = choice.getByRole('button', { name: /^With images, / });
  await expect.poll(() => without.count()).toBe(1);
  // The button pressed is disabled while the choice shows: the focus is on the choice.
  await expect.poll(() => library.evaluate(() => document.activeElement?.textContent)).toMatch(/^Without images, /);
  await screenshot(library, 'backup-choice');
  expect(await seriousViolations(library)).toEqual([]);
  const saidWithout = (await without.textContent())!.replace('Without images, ', '');
  const saidWith = (await withImages.textContent())!.replace('With images, ', '');
  const [plain] = await Promise.all([library.waitForEvent('download'), without.click()]);
  expect(formatBytes(statSync(await plain.path()).size)).toBe(saidWithout);
  expect(JSON.parse(readFileSync(await plain.path(), 'utf8')).images).toBeUndefined();

  await library.getByRole('button', { name: 'Export everything' }).click();
  const [full] = await Promise.all([library.waitForEvent('download'), choice.getByRole('button', { name: /^With images, / }).click()]);
  await expect.poll(() => library.locator('.backup-result').textContent()).toMatch(/and 7 pictures saved to your downloads\.$/);
  const fullFile = join(SCREENSHOTS, 'backup-with-images.json');
  await full.saveAs(fullFile);
  const size = statSync(fullFile).size;
  // The size offered was counted before the file was made: within 5% of the file's.
  const [value, unit] = saidWith.split(' ');
  expect(unit).toBe(formatBytes(size).split(' ')[1]);
  expect(Math.abs(Number(value) - Number(formatBytes(size).split(' ')[0])) / Number(value)).toBeLessThan(0.05);
  await library.close();

  const fresh = await launch(newProfile());
  try {
    const restore = await openLibrary(fresh);
    expect(await importFile(restore, fullFile)).toMatch(/^Restored from backup-with-images\.json: \d+ added, 0 merged, 0 already up to date\.$/);
    expect(await digests(fresh)).toEqual(original);

    // Damaged: one picture's bytes are not a picture, another's thumbnail is not base64.
    const backup = JSON.parse(readFileSync(fullFile, 'utf8')) as { images: BackupImage[] };
    backup.images[0]!.data = Buffer.from('not a picture at all').toString('base64');
    backup.images[0]!.id = 'damaged-1';
    backup.images[1]!.thumb = '%%%%';
    backup.images[1]!.id = 'damaged-2';
    const damaged = writeFixture('backup-damaged.json', JSON.stringify(backup));
    await restore.reload();
    const message = await importFile(restore, damaged);
    expect(message).toContain('2 pictures in the backup were damaged and left out; everything else was imported (image 1 (id damaged-1): its picture is not a WebP or JPEG picture (by its bytes); image 2 (id damaged-2): its thumbnail is not base64).');
    expect(await digests(fresh)).toEqual(original);
    expect(await restore.locator('.backup-result').getAttribute('role')).toBe('status');
  } finally {
    await fresh.close();
    removeProfile(fresh.profile);
  }
});
