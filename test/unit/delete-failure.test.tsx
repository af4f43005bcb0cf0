// @vitest-environment happy-dom
/**
 * A note whose move to the trash fails says so, in the panel and in the library: the write's
 * rejection reaches the toast as "Not deleted: <why>" instead of vanishing.
 */
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Recording } from '../../src/core/model';
import { addNote } from '../../src/db/notes';
import { emptyDatabase } from './empty-db';

const video = vi.hoisted(() => ({ deliver: (_message: unknown) => undefined as void }));
vi.mock('../../src/pages/panel/video-link', () => ({
  connectToVideo: (_place: unknown, onMessage: (message: unknown) => void) => {
    video.deliver = onMessage;
    return Promise.resolve({ tabId: 1, send: () => undefined });
  },
  followActiveTab: () => undefined,
}));
vi.mock('../../src/platform/browser', () => ({ default: {} }));
// The write under test fails as a full disk would make it; every other write is the real one.
vi.mock('../../src/db/notes', async (original) => ({
  ...(await original<typeof import('../../src/db/notes')>()),
  trashNote: () => Promise.reject(new DOMException('', 'QuotaExceededError')),
}));

const { Panel } = await import('../../src/pages/panel/Panel');
const { RecordingPage } = await import('../../src/pages/library/RecordingPage');

const RECORDING = { key: 'https://course.example/lesson/1', site: 'html5' as const, url: 'https://course.example/lesson/1', title: 'Lesson 1' };

let host: HTMLElement;
beforeEach(async () => {
  await emptyDatabase();
  document.body.innerHTML = '<div id="host"></div>';
  host = document.getElementById('host') as HTMLElement;
  // happy-dom lays nothing out: give the lists a height, so the virtual lists show their rows.
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(300);
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue({ x: 0, y: 0, top: 0, left: 0, right: 300, bottom: 60, width: 300, height: 60, toJSON: () => ({}) });
});
afterEach(() => {
  render(null, host);
  vi.restoreAllMocks();
});

const toastText = () => document.querySelector('.toast-text')?.textContent;

describe('a note that cannot be moved to the trash', () => {
  it('says so in the panel', async () => {
    await addNote(RECORDING, 10, 'Keep me');
    await act(async () => {
      render(<Panel place="frame" />, host);
      await Promise.resolve();
    });
    await act(() => video.deliver({ type: 'recording', recording: RECORDING }));
    await expect.poll(() => document.querySelectorAll('li.note').length).toBe(1);
    await act(() => (document.querySelector('button[aria-label="Delete note at 0:10"]') as HTMLButtonElement).click());
    await expect.poll(toastText).toBe('Not deleted: QuotaExceededError');
    expect(document.querySelector('.toast button')).toBeNull();
  });

  it('says so in the library', async () => {
    await addNote(RECORDING, 10, 'Keep me');
    const recording: Recording = { ...RECORDING, createdAt: 1, updatedAt: 1 };
    await addNote(RECORDING, 20, 'Another');
    await act(() => render(<RecordingPage recording={recording} images={0} imageBytes={0} />, host));
    await expect.poll(() => document.querySelector('button[aria-label="Delete note at 0:10"]')).not.toBeNull();
    await act(() => (document.querySelector('button[aria-label="Delete note at 0:10"]') as HTMLButtonElement).click());
    await expect.poll(toastText).toBe('Not deleted: QuotaExceededError');
  });
});
