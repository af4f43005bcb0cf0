import { describe, expect, it, vi } from 'vitest';
import type { ToPanel } from '../../src/messaging/protocol';
import type { PanelPort } from '../../src/content/panel-link';
import type { SlideFeed } from '../../src/content/slide-feed';

// The part loader, held open by each test until it lets the load finish (or fail).
const loader = vi.hoisted(() => ({
  calls: 0,
  settle: null as null | { resolve: (part: unknown) => void; reject: (error: Error) => void },
}));
vi.mock('../../src/content/parts', () => ({
  loadPart: () => {
    loader.calls++;
    return new Promise((resolve, reject) => (loader.settle = { resolve, reject }));
  },
}));
const { slideFeedOnDemand } = await import('../../src/content/slides-on-demand');

const panel = {} as PanelPort;
const video = (name: string) => ({ name }) as unknown as HTMLVideoElement;
const settled = () => new Promise((done) => setTimeout(done, 0));

/** A slide feed that records its calls, as the part's slideFeed would make it. */
function recordingPart(log: string[]) {
  const slideFeed = (first: HTMLVideoElement): SlideFeed => {
    log.push(`made for ${(first as unknown as { name: string }).name}`);
    return {
      set: (_panel, on, known) => log.push(`set ${on} ${known.join()}`),
      follow: (next) => log.push(`follow ${(next as unknown as { name: string }).name}`),
      forget: () => log.push('forget'),
      stop: () => log.push('stop'),
    };
  };
  return { slideFeed, encodeFrame: vi.fn() };
}

describe('slideFeedOnDemand', () => {
  it('loads nothing until a watch is turned on; what comes while it loads runs after, in order', async () => {
    loader.calls = 0;
    const log: string[] = [];
    const feed = slideFeedOnDemand(video('first'), () => undefined, () => false);
    feed.follow(video('second'));
    feed.set(panel, false, []);
    feed.stop();
    expect(loader.calls).toBe(0);

    feed.set(panel, true, ['0123456789abcdef']);
    feed.follow(video('third'));
    // Navigation stops the watch before the part has come: it must stay stopped.
    feed.stop();
    expect(loader.calls).toBe(1);
    loader.settle?.resolve(recordingPart(log));
    await settled();
    expect(log).toEqual(['made for third', 'set true 0123456789abcdef', 'follow third', 'stop']);

    feed.set(panel, true, []);
    expect(loader.calls).toBe(1);
    expect(log.at(-1)).toBe('set true ');
  });

  it('a part that cannot be loaded tells the panel once, and the next watch asks again', async () => {
    loader.calls = 0;
    const replies: ToPanel[] = [];
    const feed = slideFeedOnDemand(video('first'), (_panel, message) => replies.push(message), () => false);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    feed.set(panel, true, []);
    feed.stop();
    loader.settle?.reject(new Error('the pictures part could not be loaded into this page'));
    await settled();
    expect(replies).toEqual([{ type: 'slide-watch-unavailable', reason: 'not-loaded' }]);
    warn.mockRestore();

    const log: string[] = [];
    feed.set(panel, true, []);
    expect(loader.calls).toBe(2);
    loader.settle?.resolve(recordingPart(log));
    await settled();
    expect(log).toEqual(['made for first', 'set true ']);
  });
});
