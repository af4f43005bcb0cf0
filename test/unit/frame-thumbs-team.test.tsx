// @vitest-environment happy-dom
/**
 * A picture's viewer offers Delete for this browser's own pictures only: another person's in a
 * team folder (`author` set by sync) is theirs, and db/images.ts refuses to delete it anyway.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { RecordingImage } from '../../src/core/model';
import { FrameThumbs } from '../../src/pages/shared/FrameThumbs';

const webp = (size: number) => new Blob([new Uint8Array([0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x45, 0x42, 0x50]), new Uint8Array(size)], { type: 'image/webp' });
const picture = (id: string, author?: RecordingImage['author']): RecordingImage => ({
  id, recordingKey: 'k', kind: 'frame', t: 42, noteId: 'n1', type: 'image/webp', blob: webp(2000), width: 1280, height: 720, thumb: webp(200), thumbWidth: 240, thumbHeight: 135,
  bytes: 2424, createdAt: 1, updatedAt: 1, ...(author ? { author } : {}),
});

afterEach(() => {
  render(null, document.body);
  document.body.innerHTML = '';
});

async function viewerButtons(image: RecordingImage): Promise<string[]> {
  const host = document.createElement('div');
  document.body.append(host);
  const deleted: string[] = [];
  await act(() => render(<FrameThumbs images={[image]} owner={{ noteAt: 42 }} onDelete={(each) => deleted.push(each.id)} />, host));
  await act(() => host.querySelector<HTMLButtonElement>('.frame-thumb')!.click());
  const buttons = [...document.querySelectorAll<HTMLButtonElement>('.frame-viewer button')].map((button) => button.textContent ?? '');
  render(null, host);
  return buttons;
}

describe('the frame viewer in a team folder', () => {
  it('offers Delete for my picture, not for Ana\'s', async () => {
    expect(await viewerButtons(picture('mine'))).toEqual(['Delete frame', 'Close']);
    expect(await viewerButtons(picture('hers', { id: 'a0a0a0a0a0a0a0a0', name: 'Ana' }))).toEqual(['Close']);
  });
});
