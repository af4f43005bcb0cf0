/**
 * Issue 17's check that nothing is missed: the extension built with the pseudo-locale
 * (`PSEUDO_LOCALE=1`, every message accented, lengthened and wrapped in ⟦ ⟧) shows no word on the
 * panel, library, popup or settings that did not come through the catalogues, and no message cut
 * off by its longer text. Screenshots of each screen go to test-results/screenshots/pseudo-*.png.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { beforeAll, expect, test } from 'vitest';
import { BACKUP_FOLDER } from '../../src/core/auto-backup';
import { makeBackup } from '../../src/core/backup';
import type { Note, QaItem, Recording } from '../../src/core/model';
import { panelOf, screenshot, storedRows, storedTranscripts, typeNote, useBrowser, writeFixture } from './harness';

const ROOT = resolve(import.meta.dirname, '../..');
const PSEUDO_DIST = resolve(ROOT, 'dist-pseudo');

beforeAll(() => {
  // The pseudo build of this very source (vite.config.ts: PSEUDO_LOCALE=1 writes dist-pseudo/).
  execFileSync(process.execPath, [resolve(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'error'], {
    cwd: ROOT,
    env: { ...process.env, PSEUDO_LOCALE: '1' },
    stdio: 'inherit',
  });
}, 120_000);

const session = useBrowser({ extensionDir: PSEUDO_DIST });

/** The user's own words in this test: shown as typed, never from the catalogues. */
const USER_TEXT = [
  'First point about forms',
  'Labels beat placeholders',
  'Ada Example',
  'Accessibility lead',
  'Example Org',
  'Is a placeholder ever enough?',
  'Sam',
  'No: it disappears when you type.',
  'Where are the slides?',
  'forms',
  'a11y',
];

interface Found {
  text: string;
  where: string;
}

/**
 * Every string a user can see or hear in `target`: text of rendered elements (open shadow roots
 * included), the options of rendered selects, and the labels a screen reader reads (aria-label,
 * title, placeholder, alt). Typed values (textareas, inputs) are the user's and are left out.
 * Also each rendered element whose own text holds a message and overflows its box.
 */
async function scan(target: Page | Frame): Promise<{ strings: Found[]; overflowing: Found[] }> {
  return target.evaluate(() => {
    const strings: { text: string; where: string }[] = [];
    const overflowing: { text: string; where: string }[] = [];
    const path = (element: Element) => {
      const parts: string[] = [];
      for (let e: Element | null = element; e && parts.length < 4; e = e.parentElement) {
        parts.unshift(e.tagName.toLowerCase() + (e.id ? `#${e.id}` : '') + (e.classList.length ? `.${[...e.classList].join('.')}` : ''));
      }
      return parts.join(' > ');
    };
    const shown = (element: Element) => element.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true });
    const visit = (root: Document | ShadowRoot | Element) => {
      for (const element of root.querySelectorAll('*')) {
        if (element.shadowRoot) visit(element.shadowRoot);
        if (['SCRIPT', 'STYLE', 'TEXTAREA', 'NOSCRIPT'].includes(element.tagName)) continue;
        const select = element.closest('select');
        if (select ? !shown(select) : !shown(element)) continue;
        for (const name of ['aria-label', 'title', 'placeholder', 'alt', 'aria-description']) {
          const value = element.getAttribute(name);
          if (value?.trim()) strings.push({ text: value, where: `${path(element)} [${name}]` });
        }
        // A search hit's excerpt is one text cut by <mark>s: read whole, and the marks not apart.
        if (element.tagName === 'MARK') continue;
        // Keys of a shortcut, as the browser names them (commands.getAll): the keyboard's words, not ours.
        if (element.tagName === 'KBD') continue;
        let own = '';
        if (element.querySelector(':scope > mark')) own = element.textContent ?? '';
        else for (const node of element.childNodes) if (node.nodeType === Node.TEXT_NODE) own += node.textContent ?? '';
        if (own.trim()) strings.push({ text: own, where: path(element) });
        const html = element as HTMLElement;
        // A visually hidden label (1 px, clipped) is read, not seen: nothing of it can be cut off to the eye.
        // Out of the page's (the panel frame's) width: past its edge, where nothing scrolls to it.
        const box = html.getBoundingClientRect();
        if (own.includes('⟦') && box.width > 2 && (box.right > document.documentElement.clientWidth + 1 || box.left < -1)) {
          overflowing.push({ text: own, where: `${path(element)} (past the edge)` });
        }
        if (own.includes('⟦') && html.clientWidth > 2 && html.clientHeight > 2 && (html.scrollWidth > html.clientWidth + 1 || html.scrollHeight > html.clientHeight + 1)) {
          const style = getComputedStyle(html);
          if (style.overflowX !== 'visible' || style.overflowY !== 'visible' || style.whiteSpace === 'nowrap' || style.textOverflow === 'ellipsis') {
            overflowing.push({ text: own, where: path(element) });
          }
        }
      }
    };
    visit(document);
    return { strings, overflowing };
  });
}

/** What is left of `text` once the messages (⟦…⟧, nested ones too) and the user's words are taken out. */
function foreignWords(text: string, userText: readonly string[]): string {
  let rest = text;
  for (let before = ''; before !== rest; ) {
    before = rest;
    rest = rest.replace(/⟦[^⟦⟧]*⟧/g, ' ');
  }
  // Whole words only: "Sam" is the user's, the "Sam" in "Sample" is not.
  for (const words of [...userText].sort((a, b) => b.length - a.length)) {
    rest = rest.replace(new RegExp(`(?<![\\p{L}\\p{N}])${words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'gu'), ' ');
  }
  // What is not a letter: numbers, times, punctuation, symbols, and the brackets a cut message leaves.
  return /[\p{L}⟦⟧]/u.test(rest) ? rest.trim() : '';
}

async function expectAllFromCatalogue(target: Page | Frame, screen: string, userText: readonly string[]): Promise<void> {
  const { strings, overflowing } = await scan(target);
  expect(strings.length, `${screen}: nothing visible was found`).toBeGreaterThan(3);
  const missed = strings.flatMap(({ text, where }) => {
    const rest = foreignWords(text, userText);
    return rest ? [`${where}: ${JSON.stringify(rest)} (in ${JSON.stringify(text.trim().slice(0, 80))})`] : [];
  });
  expect(missed, `${screen}: words not from the catalogues`).toEqual([]);
  expect(overflowing.map(({ text, where }) => `${where}: ${text.trim().slice(0, 60)}`), `${screen}: messages cut off`).toEqual([]);
}

test('every word on the panel, library, popup and settings comes from the catalogues, and none is cut off', async () => {
  const { browser, server } = session;
  const page = await browser.context.newPage();
  await page.goto(`${server.origin}/`);
  const panel = await panelOf(page, browser.extensionId);
  await typeNote(panel, 'First point about forms');
  await expect.poll(() => panel.locator('li.note').count()).toBe(1);

  // Speakers, a tagged note and a question, imported for the recording just made.
  const [recording] = await storedRows<Recording>(browser, 'recordings');
  if (!recording) throw new Error('no recording was made');
  const now = Date.now();
  const speakers = [{ id: 'ada', name: 'Ada Example', role: 'Accessibility lead', org: 'Example Org' }];
  const note: Note = { id: 'n2', recordingKey: recording.key, t: 62, text: 'Labels beat placeholders', speakerId: 'ada', tags: ['forms', 'a11y'], createdAt: now, updatedAt: now };
  const questions: QaItem[] = [
    { id: 'q1', recordingKey: recording.key, question: 'Is a placeholder ever enough?', askedBy: 'Sam', t: 200, answers: [{ text: 'No: it disappears when you type.', speakerId: 'ada' }], createdAt: now, updatedAt: now },
    { id: 'q2', recordingKey: recording.key, question: 'Where are the slides?', answers: [], createdAt: now, updatedAt: now },
  ];
  const backup = makeBackup({ recordings: [{ ...recording, speakers, updatedAt: now }], notes: [note], qa: questions }, new Date(now));
  const file = writeFixture('pseudo-backup.json', JSON.stringify(backup));
  // The backup folder keeps one name in every language (the files of any language go to one place).
  const userText = [...USER_TEXT, recording.title, recording.url, new URL(recording.url).host, BACKUP_FOLDER];

  const library = await browser.context.newPage();
  await library.setViewportSize({ width: 1100, height: 760 });
  await library.goto(`chrome-extension://${browser.extensionId}/src/pages/library/index.html`);
  await library.locator('input[type=file]').first().setInputFiles(file);
  await expect.poll(() => library.locator('.backup-result').count()).toBe(1);
  await expect.poll(() => panel.locator('li.note').count()).toBe(2);

  // The captions the demo page's track gave (its label, lines and voices) are the page's words too.
  const captionWords = async () =>
    (await storedTranscripts(browser)).flatMap((transcript) => [
      transcript.lang,
      ...(transcript.label ? [transcript.label] : []),
      ...transcript.cues.flatMap((cue) => [cue.text, ...(cue.voice ? [cue.voice] : [])]),
    ]);

  // The panel, tab by tab.
  const tabs = panel.getByRole('tab');
  const tabCount = await tabs.count();
  expect(tabCount).toBeGreaterThanOrEqual(4);
  for (let i = 0; i < tabCount; i++) {
    await tabs.nth(i).click();
    await expect.poll(() => tabs.nth(i).getAttribute('aria-selected')).toBe('true');
    await panel.waitForTimeout(300);
    await screenshot(page, `pseudo-panel-${i}`);
    await expectAllFromCatalogue(panel, `panel tab ${i + 1}`, [...userText, ...(await captionWords())]);
  }

  // The library: the list, the recording's page, the trash, a search.
  userText.push(...(await captionWords()));
  await screenshot(library, 'pseudo-library');
  await expectAllFromCatalogue(library, 'library', userText);
  await library.goto(`chrome-extension://${browser.extensionId}/src/pages/library/index.html#recording=${encodeURIComponent(recording.key)}`);
  await expect.poll(() => library.getByText('Labels beat placeholders').count()).toBeGreaterThan(0);
  await screenshot(library, 'pseudo-library-recording');
  await expectAllFromCatalogue(library, 'library recording page', userText);
  await library.goto(`chrome-extension://${browser.extensionId}/src/pages/library/index.html#trash`);
  await library.waitForTimeout(500);
  await screenshot(library, 'pseudo-library-trash');
  await expectAllFromCatalogue(library, 'library trash', userText);
  await library.goto(`chrome-extension://${browser.extensionId}/src/pages/library/index.html`);
  await library.getByRole('searchbox').fill('placeholder');
  await expect.poll(() => library.getByText('Labels beat placeholders').count()).toBeGreaterThan(0);
  await screenshot(library, 'pseudo-library-search');
  await expectAllFromCatalogue(library, 'library search', [...userText, 'placeholder']);

  // The popup (on no video: opened as a page, its active tab is itself) and the settings.
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/src/pages/popup/index.html`);
  await popup.waitForTimeout(500);
  await screenshot(popup, 'pseudo-popup');
  await expectAllFromCatalogue(popup, 'popup', userText);
  const settings = await browser.context.newPage();
  await settings.setViewportSize({ width: 1100, height: 2400 });
  await settings.goto(`chrome-extension://${browser.extensionId}/src/pages/options/index.html`);
  await expect.poll(() => settings.locator('section').count()).toBeGreaterThan(3);
  await screenshot(settings, 'pseudo-settings');
  await expectAllFromCatalogue(settings, 'settings', userText);
});
