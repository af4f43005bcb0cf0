import { describe, expect, it } from 'vitest';
import { sessionForVideo, type StartSession } from '../../src/content/session-start';
import type { SiteAdapter } from '../../src/content/sites/adapter';
import type { VideoSession } from '../../src/content/video-session';

/** A stand-in video: only its identity matters here, and the recording it names (null: none). */
const video = (key: string | null) => ({ key }) as unknown as HTMLVideoElement;
const keyOf = (v: HTMLVideoElement) => (v as unknown as { key: string | null }).key;

/** A site whose navigation the test drives, and a session part whose load the test settles. */
function setUp() {
  const log: string[] = [];
  let navigate: { start: () => void; finish: () => void } | null = null;
  const site = {
    recordingKey: keyOf,
    onNavigate: (start: () => void, finish: () => void) => (navigate = { start, finish }),
  } as unknown as SiteAdapter;
  const start: StartSession = (first) => {
    log.push(`start ${keyOf(first)}`);
    return {
      setVideo: (next) => void log.push(`set ${keyOf(next)}`),
      destroy: () => void log.push('destroy'),
    } as Partial<VideoSession> as VideoSession;
  };
  const loads: { resolve: (start: StartSession) => void; reject: (error: Error) => void }[] = [];
  const load = () => new Promise<StartSession>((resolve, reject) => loads.push({ resolve, reject }));
  const onVideo = sessionForVideo(site, load);
  /** Settles the last load and lets its callbacks run. */
  const settle = async (ok: boolean) => {
    const pending = loads.at(-1)!;
    if (ok) pending.resolve(start);
    else pending.reject(new Error('the session part could not be loaded into this page'));
    await Promise.resolve();
    await Promise.resolve();
  };
  return { log, loads, onVideo, settle, navigation: () => navigate! };
}

describe('sessionForVideo', () => {
  it('loads nothing for a video that names no recording, nor for none', async () => {
    const { log, loads, onVideo } = setUp();
    onVideo(video(null));
    onVideo(null);
    expect(loads).toHaveLength(0);
    expect(log).toEqual([]);
  });

  it('loads the part once for the first video that names a recording, and starts its session when it has', async () => {
    const { log, loads, onVideo, settle } = setUp();
    onVideo(video('a'));
    expect(loads).toHaveLength(1);
    expect(log).toEqual([]);
    await settle(true);
    expect(log).toEqual(['start a']);
    onVideo(video('b'));
    onVideo(null);
    onVideo(video('c'));
    expect(loads).toHaveLength(1);
    expect(log).toEqual(['start a', 'set b', 'destroy', 'start c']);
  });

  it('starts with the video found last when it was replaced while the part loaded', async () => {
    const { log, loads, onVideo, settle } = setUp();
    onVideo(video('a'));
    onVideo(video('b'));
    expect(loads).toHaveLength(1);
    await settle(true);
    expect(log).toEqual(['start b']);
  });

  it('starts nothing when the video went while the part loaded, and starts at once for the next', async () => {
    const { log, loads, onVideo, settle } = setUp();
    onVideo(video('a'));
    onVideo(null);
    await settle(true);
    expect(log).toEqual([]);
    onVideo(video('b'));
    expect(loads).toHaveLength(1);
    expect(log).toEqual(['start b']);
  });

  it('starts nothing when the video replacing it names no recording', async () => {
    const { log, onVideo, settle } = setUp();
    onVideo(video('a'));
    onVideo(video(null));
    await settle(true);
    expect(log).toEqual([]);
  });

  it('waits for a navigation begun while the part loaded to finish, then starts with the video of then', async () => {
    const { log, onVideo, settle, navigation } = setUp();
    onVideo(video('a'));
    navigation().start();
    await settle(true);
    expect(log).toEqual([]);
    onVideo(video('b'));
    expect(log).toEqual([]);
    navigation().finish();
    expect(log).toEqual(['start b']);
  });

  it('leaves the page as without us when the part cannot be loaded, and asks again for the next video', async () => {
    const { log, loads, onVideo, settle, navigation } = setUp();
    onVideo(video('a'));
    await settle(false);
    // A navigation finishing later starts nothing: the video it was waiting for is given up.
    navigation().start();
    navigation().finish();
    expect(log).toEqual([]);
    onVideo(video('b'));
    expect(loads).toHaveLength(2);
    await settle(true);
    expect(log).toEqual(['start b']);
  });
});
