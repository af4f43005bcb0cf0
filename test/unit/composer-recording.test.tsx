// @vitest-environment happy-dom
/**
 * The composer takes a note's recording at the first key, as it takes its time: a video that
 * changes while the note is typed (issue 11, item 11) does not take the note with it.
 */
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadDrafts, saveDraft } from '../../src/db/drafts';
import { listNotes } from '../../src/db/notes';
import type { RecordingInfo } from '../../src/db/recordings';
import { renderComposer } from './composer-host';
import { emptyDatabase } from './empty-db';

const LESSON_2: RecordingInfo = { key: 'https://course.example/lesson/2', site: 'html5', url: 'https://course.example/lesson/2', title: 'Lesson 2' };
const LESSON_3: RecordingInfo = { key: 'https://course.example/lesson/3', site: 'html5', url: 'https://course.example/lesson/3', title: 'Lesson 3' };
const PANEL = 'panel-a';


let host: HTMLElement;
const box = () => host.querySelector('textarea') as HTMLTextAreaElement;
const status = () => host.querySelector('#composer-status')?.textContent;
const type = (value: string) =>
  act(() => {
    box().value = value;
    box().dispatchEvent(new Event('input', { bubbles: true }));
  });
const pressEnter = () =>
  act(() => {
    box().dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
  });
const notesText = async (recording: RecordingInfo) => (await listNotes(recording.key)).map((note) => [note.text, note.t]);

beforeEach(async () => {
  await emptyDatabase();
  document.body.innerHTML = '';
  host = document.createElement('div');
  document.body.append(host);
  await act(() => renderComposer(host, { panelId: PANEL, recording: LESSON_2, time: 30 }));
  await expect.poll(() => host.querySelector('form')?.getAttribute('aria-busy')).toBe('false');
});

// Unmounted after each test: a composer left mounted would go on writing its draft into the next.
afterEach(() => act(() => render(null, host)));

describe('Composer: the recording of a note', () => {
  it('started before the video changes, is drafted and filed under the recording it was started on', async () => {
    await type('Started on');
    await act(() => renderComposer(host, { panelId: PANEL, recording: LESSON_3, time: 5 }));
    await type('Started on lesson 2');
    expect(box().value).toBe('Started on lesson 2');
    expect(status()).toBe('Note at 0:28 on “Lesson 2”');
    await expect.poll(async () => (await loadDrafts(PANEL, LESSON_2.key)).own?.text).toBe('Started on lesson 2');
    expect((await loadDrafts(PANEL, LESSON_3.key)).own).toBeUndefined();

    await pressEnter();
    await expect.poll(() => notesText(LESSON_2)).toEqual([['Started on lesson 2', 28]]);
    expect(await notesText(LESSON_3)).toEqual([]);
    expect((await loadDrafts(PANEL, LESSON_2.key)).own).toBeUndefined();

    // Saved: the next note is the video's now.
    await expect.poll(() => host.querySelector('form')?.getAttribute('aria-busy')).toBe('false');
    await type('On lesson 3');
    expect(status()).toBe('Note at 0:03');
    await pressEnter();
    await expect.poll(() => notesText(LESSON_3)).toEqual([['On lesson 3', 3]]);
  });

  it('with nothing typed, follows the video: the first key after a change belongs to the new recording', async () => {
    await act(() => renderComposer(host, { panelId: PANEL, recording: LESSON_3, time: 5 }));
    await type('After the change');
    await pressEnter();
    await expect.poll(() => notesText(LESSON_3)).toEqual([['After the change', 3]]);
    expect(await notesText(LESSON_2)).toEqual([]);
  });

  it('restored from a draft and not typed into, leaves the box when the video changes, and stays stored', async () => {
    // Quick navigation (A, B, A, B) once left video A's restored draft in the box on video B, and
    // the next words typed there were filed under A with it.
    await act(() => render(null, host));
    await saveDraft(PANEL, LESSON_2.key, 'Half typed on lesson 2', 12);
    await act(() => renderComposer(host, { panelId: PANEL, recording: LESSON_2, time: 30 }));
    await expect.poll(() => box().value).toBe('Half typed on lesson 2');
    await act(() => renderComposer(host, { panelId: PANEL, recording: LESSON_3, time: 5 }));
    await expect.poll(() => box().value).toBe('');
    await type('On lesson 3');
    await pressEnter();
    await expect.poll(() => notesText(LESSON_3)).toEqual([['On lesson 3', 3]]);
    expect(await notesText(LESSON_2)).toEqual([]);
    expect((await loadDrafts(PANEL, LESSON_2.key)).own?.text).toBe('Half typed on lesson 2');
  });

  it('started with no time and saved after the video changed, is refused with the reason and kept', async () => {
    await act(() => renderComposer(host, { panelId: PANEL, recording: LESSON_2, time: null }));
    await type('Typed during the ad');
    await act(() => renderComposer(host, { panelId: PANEL, recording: LESSON_3, time: 50 }));
    await pressEnter();
    expect(status()).toBe('This note was started on “Lesson 2”, which is no longer playing, before it had a time. Your text is kept.');
    expect(box().value).toBe('Typed during the ad');
    expect(await notesText(LESSON_2)).toEqual([]);
    expect(await notesText(LESSON_3)).toEqual([]);
  });
});
