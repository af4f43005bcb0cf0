// @vitest-environment happy-dom
/**
 * The composer takes a note's quote with its time (issue 13, item 2): shown to be trimmed or
 * dropped, kept in the draft, saved with the note; no captions, no quote.
 */
import 'fake-indexeddb/auto';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Transcript } from '../../src/core/model';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { loadDrafts } from '../../src/db/drafts';
import { listNotes } from '../../src/db/notes';
import type { RecordingInfo } from '../../src/db/recordings';
import { renderComposer } from './composer-host';
import { emptyDatabase } from './empty-db';

const TALK: RecordingInfo = { key: 'youtube:Wb1nQ9rLk2A', site: 'youtube', url: 'https://www.youtube.com/watch?v=Wb1nQ9rLk2A', title: 'Talk' };
const PANEL = 'panel-a';
const CAPTIONS: Transcript = {
  recordingKey: TALK.key,
  lang: 'en',
  source: 'track',
  complete: true,
  cues: [
    { start: 10, end: 14, text: 'Caching starts in the browser.', voice: 'Ada Lovelace' },
    { start: 14, end: 19, text: 'Then comes the service worker.', voice: 'Ada Lovelace' },
    { start: 40, end: 44, text: 'Much later.' },
  ],
  updatedAt: 1,
};

let host: HTMLElement;
const box = () => host.querySelector('#composer-text') as HTMLTextAreaElement;
const quoteBox = () => host.querySelector<HTMLTextAreaElement>('#composer-quote');
const input = (element: HTMLTextAreaElement, value: string) =>
  act(() => {
    element.value = value;
    element.dispatchEvent(new Event('input', { bubbles: true }));
  });
const pressEnter = () => act(() => void box().dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })));
const mount = (options: Partial<Parameters<typeof renderComposer>[1]> = {}) =>
  act(() =>
    renderComposer(host, {
      panelId: PANEL,
      recording: TALK,
      time: 20,
      transcripts: [CAPTIONS],
      speakers: [{ id: 's-ada', name: 'Ada Lovelace' }],
      ...options,
    }),
  );

beforeEach(async () => {
  await emptyDatabase();
  document.body.innerHTML = '';
  host = document.createElement('div');
  document.body.append(host);
});

describe('Composer: the quote of a note', () => {
  it('takes the words of the window before the note at the first key, and saves them with it', async () => {
    await mount();
    expect(quoteBox()).toBeNull();
    await input(box(), 'S');
    // Typing started at 20 s, lead-in 3 s: the note at 17 s, a 10 s window from 7 s.
    expect(quoteBox()?.value).toBe('Caching starts in the browser. Then comes the service worker.');
    expect(quoteBox()?.getAttribute('dir')).toBe('auto');
    expect(host.textContent).toContain('Quote · 0:10–0:19');
    await input(box(), 'Service worker matters');
    await pressEnter();
    await expect.poll(async () => (await listNotes(TALK.key)).length).toBe(1);
    const [note] = await listNotes(TALK.key);
    expect(note?.quote).toEqual({ text: 'Caching starts in the browser. Then comes the service worker.', start: 10, end: 19, source: 'track', lang: 'en' });
    // The voice of the quote's last line names the speaker.
    expect(note?.speakerId).toBe('s-ada');
    expect(quoteBox()).toBeNull();
  });

  it('saves the quote as trimmed', async () => {
    await mount();
    await input(box(), 'Worker');
    await input(quoteBox()!, ' Then comes the service worker. ');
    await pressEnter();
    await expect.poll(async () => (await listNotes(TALK.key))[0]?.quote?.text).toBe('Then comes the service worker.');
  });

  it('saves no quote once it is dropped, or trimmed to nothing', async () => {
    await mount();
    await input(box(), 'First');
    const drop = [...host.querySelectorAll('button')].find((button) => button.textContent === 'Drop quote')!;
    await act(() => drop.click());
    expect(quoteBox()).toBeNull();
    await pressEnter();
    await input(box(), 'Second');
    await input(quoteBox()!, '   ');
    await pressEnter();
    await expect.poll(async () => (await listNotes(TALK.key)).length).toBe(2);
    const notes = await listNotes(TALK.key);
    expect(notes.map((note) => [note.text, note.quote])).toEqual([
      ['First', undefined],
      ['Second', undefined],
    ]);
  });

  it('keeps the quote, as trimmed, in the draft: a reload brings it back', async () => {
    await mount();
    await input(box(), 'Half');
    await input(quoteBox()!, 'Then comes the service worker.');
    await expect.poll(async () => (await loadDrafts(PANEL, TALK.key)).own?.quote?.text).toBe('Then comes the service worker.');
    document.body.innerHTML = '';
    host = document.createElement('div');
    document.body.append(host);
    await mount();
    await expect.poll(() => quoteBox()?.value).toBe('Then comes the service worker.');
    expect(box().value).toBe('Half');
  });

  it('saves a note as before with no captions, or when the settings keep no quotes', async () => {
    await mount({ transcripts: [] });
    await input(box(), 'No captions here');
    expect(quoteBox()).toBeNull();
    await pressEnter();
    await mount({ settings: { ...DEFAULT_SETTINGS, captureQuotes: false } });
    await input(box(), 'Quotes off');
    expect(quoteBox()).toBeNull();
    await pressEnter();
    await expect.poll(async () => (await listNotes(TALK.key)).map((note) => [note.text, note.quote, note.speakerId])).toEqual([
      ['No captions here', undefined, undefined],
      ['Quotes off', undefined, undefined],
    ]);
  });
});
