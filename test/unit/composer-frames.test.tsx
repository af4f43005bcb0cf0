// @vitest-environment happy-dom
/**
 * The composer's frames, over fake-indexeddb: a frame attached while writing is stored at once
 * under the id the note will get, the draft keeps that id, and the note saved takes it; a frame
 * that fails (no picture, a full disk) says why and leaves the words alone. The picture itself
 * comes from `captureFrame`, which in the panel is the content script and the tab capture (tested
 * in e2e frames.test.ts); here it hands over a ready frame.
 */
import 'fake-indexeddb/auto';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Capture } from '../../src/pages/panel/frame-capture';
import { loadDrafts } from '../../src/db/drafts';
import { db } from '../../src/db/schema';
import { renderComposer } from './composer-host';
import { emptyDatabase } from './empty-db';

/** Set by a test: the next writes of a picture fail as a full disk makes them. */
const storage = vi.hoisted(() => ({ full: false }));
vi.mock('../../src/db/images', async (original) => {
  const actual = await original<typeof import('../../src/db/images')>();
  return {
    ...actual,
    storeImage: (image: Parameters<typeof actual.storeImage>[0]) =>
      storage.full ? Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')) : actual.storeImage(image),
  };
});

const RECORDING = { key: 'https://example.com/talk', site: 'html5' as const, url: 'https://example.com/talk', title: 'Talk' };
const PANEL = 'panel-a';
const webp = (size: number) => new Blob([new Uint8Array([0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x45, 0x42, 0x50]), new Uint8Array(size)], { type: 'image/webp' });
const FRAME: Capture = {
  ok: true,
  frame: { type: 'image/webp', blob: webp(2000), width: 1280, height: 720, thumb: webp(200), thumbWidth: 240, thumbHeight: 135, t: 42.25, source: 'video' },
};

function mount(captureFrame: () => Promise<Capture>): { box: HTMLTextAreaElement; attach: HTMLButtonElement } {
  const host = document.createElement('div');
  document.body.append(host);
  renderComposer(host, { panelId: PANEL, recording: RECORDING, time: 44, captureFrame });
  return {
    box: host.querySelector('textarea') as HTMLTextAreaElement,
    attach: [...host.querySelectorAll('button')].find((button) => button.textContent?.includes('Attach frame')) as HTMLButtonElement,
  };
}

const type = (box: HTMLTextAreaElement, text: string) => {
  box.value = text;
  box.dispatchEvent(new Event('input', { bubbles: true }));
};
const enter = (box: HTMLTextAreaElement) => box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));

beforeEach(async () => {
  document.body.innerHTML = '';
  storage.full = false;
  await emptyDatabase();
  // happy-dom's Blob is not the one Node's URL.createObjectURL takes: thumbnails get a stand-in address.
  vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:thumbnail');
  vi.spyOn(URL, 'revokeObjectURL').mockReturnValue(undefined);
});
afterEach(() => vi.restoreAllMocks());

describe('a frame attached in the composer', () => {
  it('begins the note, is stored under the id the note will get, and goes with the note when it is saved', async () => {
    let parts!: ReturnType<typeof mount>;
    await act(async () => {
      parts = mount(() => Promise.resolve(FRAME));
    });
    await act(async () => {
      parts.attach.click();
    });
    await expect.poll(() => db().images.count()).toBe(1);
    const [image] = await db().images.toArray();
    expect(image).toMatchObject({ recordingKey: RECORDING.key, kind: 'frame', t: 42.25, width: 1280, bytes: 2012 + 212 });
    // The note has begun: its time is taken (44 s minus the 2 s lead-in), and the draft, with no
    // words yet, keeps the frame's note id.
    expect(document.body.textContent).toContain('Note at 0:42');
    await expect.poll(async () => (await loadDrafts(PANEL, RECORDING.key)).own?.noteId).toBe(image!.noteId);
    await act(async () => {
      type(parts.box, 'The agenda slide');
      enter(parts.box);
    });
    await expect.poll(() => db().notes.count()).toBe(1);
    const [note] = await db().notes.toArray();
    expect(note).toMatchObject({ id: image!.noteId, text: 'The agenda slide', t: 42 });
    expect((await loadDrafts(PANEL, RECORDING.key)).own).toBeUndefined();
  });

  it('that fails for want of a picture says why; the words typed stay and save', async () => {
    let parts!: ReturnType<typeof mount>;
    await act(async () => {
      parts = mount(() => Promise.resolve({ ok: false, failure: { reason: 'no-picture' } }));
    });
    await act(async () => {
      type(parts.box, 'Before it played');
      parts.attach.click();
    });
    await expect.poll(() => document.body.textContent).toContain('The video has no picture yet.');
    expect(parts.box.value).toBe('Before it played');
    await act(async () => {
      enter(parts.box);
    });
    await expect.poll(() => db().notes.count()).toBe(1);
    expect(await db().images.count()).toBe(0);
  });

  it('that cannot be stored (the disk is full) says so clearly, and the note is still saved', async () => {
    storage.full = true;
    let parts!: ReturnType<typeof mount>;
    await act(async () => {
      parts = mount(() => Promise.resolve(FRAME));
    });
    await act(async () => {
      type(parts.box, 'Kept without its frame');
      parts.attach.click();
    });
    await expect.poll(() => document.querySelector('#composer-frame-problem')?.textContent).toContain('no room left for Webinar Notes’ data. Your note is kept.');
    expect(parts.box.value).toBe('Kept without its frame');
    await act(async () => {
      enter(parts.box);
    });
    await expect.poll(async () => (await db().notes.toArray()).map((note) => note.text)).toEqual(['Kept without its frame']);
    expect(await db().images.count()).toBe(0);
  });
});
