import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import type { Transcript } from '../../src/core/model';
import { pageDom, panelOf, playUntil, screenshot, seekTo, storedNotes, storedTranscripts, typeNote, useBrowser } from './harness';

const TALK = 'Wb1nQ9rLk2A';
const OTHER = 'Zx7pT3vYq8M';
const session = useBrowser({ sites: true });

/** The lines of a fixture video's caption track (fixtures/youtube/captions), in order. */
function linesOf(id: string): string[] {
  const file = resolve(import.meta.dirname, 'fixtures/youtube/captions', `${id}.json3`);
  const track = JSON.parse(readFileSync(file, 'utf8')) as { events: { segs?: { utf8: string }[] }[] };
  return track.events.filter((event) => event.segs).map((event) => event.segs!.map((seg) => seg.utf8).join('').trim());
}
const wordsOf = (lines: string[]) => lines.join(' ').split(' ');

const transcriptsOf = async (key: string): Promise<Transcript[]> =>
  (await storedTranscripts(session.browser)).filter((transcript) => transcript.recordingKey === key);
const textsOf = (transcript: Transcript | undefined) => transcript?.cues.map((cue) => cue.text) ?? [];
const captionsOn = (page: Page) => page.locator('.ytp-subtitles-button').dispatchEvent('click');
// Writes to the database are throttled (2 s): a poll waits a little longer than the default.
const STORED = { timeout: 10_000 };

const FAKE_WORDS = 'FAKE line the page made up';
const fakeTrack = (extra: string) =>
  JSON.stringify({ events: [{ tStartMs: 0, dDurationMs: 9000, segs: [{ utf8: `${FAKE_WORDS} <img src=x onerror="document.title='pwned'"> ${extra}` }] }] });

test('captions on: the transcript is the player’s own timedtext track, whatever a hostile page script posts or fetches', async () => {
  const page = await session.browser.context.newPage();
  await page.goto(`https://www.youtube.com/watch?v=${TALK}`);
  await panelOf(page, session.browser.extensionId);
  // The page's first script listened to window messages before the tap's handover arrived.
  expect(await page.evaluate(() => (window as unknown as { fixturePortsSeen: number }).fixturePortsSeen)).toBe(0);

  // A page script, running after ours as every page script does: it replaces the built-ins the
  // tap uses, fakes the tap's handover and its messages, posts timedtext-shaped messages and
  // events with huge strings and markup, and fetches another video's real captions.
  await page.evaluate(
    async ({ talk, other, fake, huge }) => {
      const seen: unknown[] = [];
      (window as unknown as { hostileSaw: unknown[] }).hostileSaw = seen;
      const post = MessagePort.prototype.postMessage;
      MessagePort.prototype.postMessage = function (this: MessagePort, ...args: unknown[]) {
        seen.push(args[0]);
        return Reflect.apply(post, this, args) as void;
      };
      Response.prototype.text = () => Promise.resolve(fake);
      Response.prototype.clone = function () {
        return new Response(fake);
      };
      const url = `https://www.youtube.com/api/timedtext?v=${talk}&lang=en&fmt=json3`;
      const channel = new MessageChannel();
      window.postMessage('webinar-notes:timedtext-tap', '/', [channel.port2]);
      Reflect.apply(post, channel.port1, [{ url, body: huge }]);
      window.postMessage({ url, body: huge }, '*');
      window.postMessage({ type: 'captions', recordingKey: `youtube:${talk}`, lang: 'en', cues: [{ start: 0, end: 9, text: fake }] }, '*');
      document.dispatchEvent(new CustomEvent('timedtext', { detail: { url, body: huge } }));
      await fetch(`/api/timedtext?v=${other}&lang=de&fmt=json3`).then((response) => response.json());
    },
    { talk: TALK, other: OTHER, fake: fakeTrack('short'), huge: fakeTrack('x'.repeat(3_000_000)) },
  );
  await captionsOn(page);

  await expect.poll(async () => (await transcriptsOf(`youtube:${TALK}`)).map((t) => [t.lang, t.source, t.complete]), STORED).toEqual([
    ['en', 'timedtext', true],
  ]);
  const [transcript] = await transcriptsOf(`youtube:${TALK}`);
  expect(textsOf(transcript)).toEqual(linesOf(TALK));
  expect(transcript!.cues[0]).toMatchObject({ start: 0.5, end: 3.5 });
  // The other video's response the page fetched belongs to no recording being watched.
  expect(await transcriptsOf(`youtube:${OTHER}`)).toEqual([]);
  const everything = JSON.stringify(await storedTranscripts(session.browser));
  expect(everything).not.toContain('FAKE');
  expect(everything).not.toContain('<img');
  // The page never got hold of the tap's port, and nothing it sent ran.
  expect(await page.evaluate(() => (window as unknown as { hostileSaw: unknown[] }).hostileSaw)).toEqual([]);
  expect(await page.title()).not.toBe('pwned');
  // The player draws the first line (the video is at 0 s, paused: none yet); the last line is
  // known to us only, and the page's DOM never holds it.
  const dom = (await pageDom(page)).text;
  expect(dom).not.toContain(linesOf(TALK).at(-1)!);
  expect(dom).not.toContain(linesOf(TALK)[1]!);

  // A note typed at 0:08 keeps the player's own words up to then: the lines that started before 0:08.
  const panel = await panelOf(page, session.browser.extensionId);
  await seekTo(page, 8);
  await typeNote(panel, 'From the player’s own captions');
  const saved = async () => (await storedNotes(session.browser)).find((note) => note.text === 'From the player’s own captions');
  await expect.poll(async () => (await saved())?.quote ?? null, STORED).not.toBeNull();
  const spokenBy8 = transcript!.cues.filter((cue) => cue.start < 8).map((cue) => cue.text);
  expect((await saved())?.quote).toMatchObject({ text: spokenBy8.join(' '), source: 'timedtext', lang: 'en' });
  await page.close();
});

test('response blocked, captions rolling in word by word: the lines on screen give the same words, never doubled', async () => {
  const page = await session.browser.context.newPage();
  await page.goto(`https://www.youtube.com/watch?v=${OTHER}&fixture_roll=1&fixture_block=1`);
  await panelOf(page, session.browser.extensionId);
  await captionsOn(page);
  await playUntil(page, 11);
  await page.evaluate(() => (document.querySelector('video') as HTMLVideoElement).pause());
  await screenshot(page, 'youtube-rolling-captions');

  // Three lines end by 9.5 s, and the fourth has started.
  const spoken = wordsOf(linesOf(OTHER));
  const heard = async () => wordsOf(textsOf((await transcriptsOf(`youtube:${OTHER}`))[0]).filter(Boolean));
  await expect.poll(heard, STORED).toSatisfy((words: string[]) => words.length > wordsOf(linesOf(OTHER).slice(0, 3)).length);
  const [transcript] = await transcriptsOf(`youtube:${OTHER}`);
  expect([transcript!.lang, transcript!.source, transcript!.complete]).toEqual(['', 'screen', false]);
  const words = await heard();
  expect(words).toEqual(spoken.slice(0, words.length));
  expect(textsOf(transcript).slice(0, 3)).toEqual(linesOf(OTHER).slice(0, 3));
  await page.close();
});

test('navigating to another video mid-sentence: no line of the first reaches the second’s transcript', async () => {
  const page = await session.browser.context.newPage();
  await page.goto(`https://www.youtube.com/watch?v=${OTHER}&fixture_roll=1&fixture_block=1`);
  await panelOf(page, session.browser.extensionId);
  await captionsOn(page);
  // Mid-sentence: the second line (3.5 s to 6.5 s) is half drawn.
  await playUntil(page, 5);
  await page.locator('#related a').first().dispatchEvent('click');
  await expect.poll(() => page.url()).toContain(TALK);
  await playUntil(page, 8);
  await page.evaluate(() => (document.querySelector('video') as HTMLVideoElement).pause());

  const screen = async () => (await transcriptsOf(`youtube:${TALK}`)).find((t) => t.source === 'screen');
  await expect.poll(async () => textsOf(await screen()).length, STORED).toBeGreaterThanOrEqual(2);
  const heard = wordsOf(textsOf(await screen()));
  const talkWords = wordsOf(linesOf(TALK));
  expect(heard).toEqual(talkWords.slice(0, heard.length));
  const otherWords = new Set(wordsOf(linesOf(OTHER)));
  expect(heard.filter((word) => otherWords.has(word) && !talkWords.includes(word))).toEqual([]);
  await page.close();
});

test('an embed (youtube-nocookie.com) reads the player’s own track for the video it plays', async () => {
  const page = await session.browser.context.newPage();
  await page.goto(`https://www.youtube-nocookie.com/embed/${OTHER}`);
  await panelOf(page, session.browser.extensionId);
  await captionsOn(page);
  await expect.poll(async () => (await transcriptsOf(`youtube:${OTHER}`)).find((t) => t.source === 'timedtext')?.lang, STORED).toBe('en');
  const track = (await transcriptsOf(`youtube:${OTHER}`)).find((t) => t.source === 'timedtext');
  expect(textsOf(track)).toEqual(linesOf(OTHER));
  await page.close();
});
