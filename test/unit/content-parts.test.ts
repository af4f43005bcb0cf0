import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Runtime } from '../../src/platform/browser';

// The one seam to the extension API, replaced by a browser that records what it was asked to inject.
const fake = vi.hoisted(() => {
  const state = { injected: [] as unknown[], refuse: false };
  const api = {
    runtime: { id: 'our-id' },
    scripting: {
      executeScript: async (injection: unknown) => {
        if (state.refuse) throw new Error('Frame with ID 3 was removed.');
        state.injected.push(injection);
        return [];
      },
    },
  };
  return { state, api };
});
vi.mock('../../src/platform/browser', () => ({ default: fake.api }));
// What crxjs makes of the import in the build: the part's file name.
vi.mock('../../src/content/pictures-part.ts?script&iife', () => ({ default: 'src/content/pictures-part.js' }));
vi.mock('../../src/content/session-part.ts?script&iife', () => ({ default: 'src/content/session-part.js' }));
const { contentScriptFrame, loadContentPart } = await import('../../src/background/content-parts');

const contentScript: Runtime.MessageSender = { id: 'our-id', tab: { id: 7 } as Runtime.MessageSender['tab'], frameId: 3, url: 'https://www.youtube.com/watch?v=Wb1nQ9rLk2A' };
/** The frame the background's listener takes from a sender (contentScriptFrame), for one of ours. */
const ownFrame = () => {
  const frame = contentScriptFrame(contentScript);
  if (!frame) throw new Error('our own content script was refused');
  return frame;
};

beforeEach(() => {
  fake.state.injected = [];
  fake.state.refuse = false;
});

describe('loadContentPart', () => {
  it("injects the part's file into the asking frame only, in the isolated world", async () => {
    expect(await loadContentPart('pictures', ownFrame())).toEqual({ loaded: true });
    expect(fake.state.injected).toEqual([{ target: { tabId: 7, frameIds: [3] }, files: ['src/content/pictures-part.js'], world: 'ISOLATED' }]);
    expect(await loadContentPart('session', ownFrame())).toEqual({ loaded: true });
    expect(fake.state.injected.at(-1)).toEqual({ target: { tabId: 7, frameIds: [3] }, files: ['src/content/session-part.js'], world: 'ISOLATED' });
  });

  it('has no frame to inject into for another extension, an extension page or a sender in no tab or frame', () => {
    const senders: Runtime.MessageSender[] = [
      { ...contentScript, id: 'another-extension' },
      { ...contentScript, url: 'chrome-extension://our-id/src/pages/panel/index.html#nonce' },
      { ...contentScript, url: undefined },
      { ...contentScript, tab: undefined },
      { ...contentScript, frameId: undefined },
    ];
    for (const sender of senders) expect(contentScriptFrame(sender)).toBeNull();
  });

  it('answers not loaded when the browser refuses (the frame is gone), and says why in the console', async () => {
    fake.state.refuse = true;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await loadContentPart('pictures', ownFrame())).toEqual({ loaded: false });
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });
});
