// @vitest-environment happy-dom
/**
 * The panel over fake-indexeddb, fed messages as its video would send them. A playback message
 * re-renders only what it changes. While a video plays a message comes every second and the
 * highlight moves often; re-rendering every note row for each cost the whole list every time.
 */
import 'fake-indexeddb/auto';
import { options, render, type VNode } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PlaybackState } from '../../src/core/playback';
import { addNote } from '../../src/db/notes';
import type { ToPanel } from '../../src/messaging/protocol';
import { Panel } from '../../src/pages/panel/Panel';
import { emptyDatabase } from './empty-db';

// The panel's one link to its video, replaced: the test speaks for the content script.
const video = vi.hoisted(() => ({ deliver: (_message: unknown) => undefined as void }));
vi.mock('../../src/pages/panel/video-link', () => ({
  connectToVideo: (_place: unknown, onMessage: (message: unknown) => void) => {
    video.deliver = onMessage;
    return Promise.resolve({ tabId: 1, send: () => undefined });
  },
  followActiveTab: () => undefined,
}));
vi.mock('../../src/platform/browser', () => ({ default: {} }));

const RECORDING = { key: 'https://course.example/lesson/1', site: 'html5' as const, url: 'https://course.example/lesson/1', title: 'Lesson 1' };
const TIMES = [10, 20, 30, 40, 50];

/** Renders of the note row component, counted through preact's render hook (the one preact/hooks uses). */
let rowRenders = 0;
type RenderHook = ((vnode: VNode) => void) | undefined;
const hooks = options as { __r?: RenderHook };
let previousHook: RenderHook;
const countRows = (vnode: VNode) => {
  if (typeof vnode.type === 'function' && vnode.type.name === 'NoteRow') rowRenders += 1;
  previousHook?.(vnode);
};

const paused = (t: number): ToPanel => ({
  type: 'playback',
  playback: { t, paused: true, rate: 1, duration: 3600, at: 0, ad: false } satisfies PlaybackState,
});
const playing = (t: number): ToPanel => ({
  type: 'playback',
  playback: { t, paused: false, rate: 1, duration: 3600, at: Date.now(), ad: false } satisfies PlaybackState,
});
const currentRow = () => document.querySelector('li.current')?.getAttribute('data-note-id');

let ids: string[] = [];
beforeEach(async () => {
  await emptyDatabase();
  document.body.innerHTML = '';
  ids = [];
  for (const t of TIMES) ids.push((await addNote(RECORDING, t, `Note at ${t}`)).id);
  // happy-dom lays nothing out: give the list a height, so the virtual list shows its rows.
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(300);
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue({ x: 0, y: 0, top: 0, left: 0, right: 300, bottom: 60, width: 300, height: 60, toJSON: () => ({}) });
  previousHook = hooks.__r;
  hooks.__r = countRows;
});
let host: HTMLElement | undefined;
afterEach(() => {
  // Unmounted, so no panel of an earlier test still listens or holds the focus.
  if (host) render(null, host);
  host = undefined;
  vi.useRealTimers();
  hooks.__r = previousHook;
  vi.restoreAllMocks();
});

async function mountPlaying(at: number): Promise<void> {
  const mounted = document.createElement('div');
  host = mounted;
  document.body.append(mounted);
  await act(async () => {
    render(<Panel place="frame" />, mounted);
    await Promise.resolve();
  });
  await act(() => {
    video.deliver({ type: 'recording', recording: RECORDING });
    video.deliver(paused(at));
  });
  await expect.poll(() => document.querySelectorAll('li.note').length).toBe(TIMES.length);
  await expect.poll(currentRow).toBe(ids[0]);
}

describe('Panel: what a playback message re-renders', () => {
  it('re-renders no note row when the current note stays the same', async () => {
    await mountPlaying(12);
    rowRenders = 0;
    await act(() => video.deliver(paused(15)));
    expect(currentRow()).toBe(ids[0]);
    expect(rowRenders).toBe(0);
  });

  it('moving the highlight to the next note re-renders at most the two rows that change', async () => {
    await mountPlaying(12);
    rowRenders = 0;
    await act(() => video.deliver(paused(25)));
    expect(currentRow()).toBe(ids[1]);
    expect(document.querySelectorAll('li.current')).toHaveLength(1);
    expect(rowRenders).toBeLessThanOrEqual(2);
  });

  it('while the video plays, re-renders no row as the time moves within a note, and at most two when it reaches the next', async () => {
    await mountPlaying(12);
    // The panel's clock and its ticks, in the test's hands (the database's timers stay real).
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    await act(() => video.deliver(playing(18.5)));
    rowRenders = 0;
    await act(() => {
      vi.advanceTimersByTime(1000);
    });
    expect(currentRow()).toBe(ids[0]);
    expect(rowRenders).toBe(0);
    await act(() => {
      vi.advanceTimersByTime(1000);
    });
    expect(currentRow()).toBe(ids[1]);
    expect(rowRenders).toBeLessThanOrEqual(2);
  });
});

describe('Panel: a composer request', () => {
  it('from another tab, shows the notes tab and focuses the note box', async () => {
    await mountPlaying(12);
    await act(() => (document.querySelector('#tab-qa') as HTMLButtonElement).click());
    expect((document.querySelector('#panel-notes') as HTMLElement).hidden).toBe(true);
    // A browser does not focus a box in a hidden tab (happy-dom does): note whether it was shown.
    const shownAtFocus: boolean[] = [];
    const onFocus = () => shownAtFocus.push(!(document.querySelector('#panel-notes') as HTMLElement).hidden);
    document.addEventListener('focusin', onFocus);
    await act(() => video.deliver({ type: 'compose' }));
    document.removeEventListener('focusin', onFocus);
    expect((document.querySelector('#panel-notes') as HTMLElement).hidden).toBe(false);
    expect(document.activeElement?.id).toBe('composer-text');
    expect(shownAtFocus).toEqual([true]);
  });
});
