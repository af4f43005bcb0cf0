// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { adapterFor } from '../../src/content/sites';

/** Puts the page at `href` with `html` as its body, and returns its first <video>. */
function page(href: string, html: string): HTMLVideoElement | null {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(href);
  document.body.innerHTML = html;
  return document.querySelector('video');
}

const VIMEO_PLAYER = '<div class="player"><video></video><div data-progress-bar="true"></div></div>';
const YOUTUBE_PLAYER = '<div id="movie_player" class="html5-video-player"><video class="html5-main-video"></video></div>';

afterEach(() => {
  document.body.replaceChildren();
});

describe('Vimeo event and webinar pages', () => {
  it('name the recording by the video the player was configured with, not the event', () => {
    const site = adapterFor('vimeo.com');
    const video = page(
      'https://vimeo.com/event/5034253/embed?muted=1',
      `<div data-config-url="https://player.vimeo.com/video/1071439154/config?autoplay=1&amp;h=3db517c479">${VIMEO_PLAYER}</div>`,
    );
    expect(site.findVideo()).toBe(video);
    if (!video) return;
    expect(site.recordingKey(video)).toBe('vimeo:1071439154');
    expect(site.id).toBe('vimeo');
    expect(site.pageUrl(video)).toBe('https://vimeo.com/1071439154/3db517c479');
    expect(site.progressBar(video)?.dataset.progressBar).toBe('true');
  });

  it('fall back to the page itself when the player says nothing, and honour #t= there', () => {
    const site = adapterFor('vimeo.com');
    const video = page('https://vimeo.com/event/5116195#t=90', VIMEO_PLAYER);
    if (!video) throw new Error('no video');
    expect(site.recordingKey(video)).toBe('https://vimeo.com/event/5116195');
    expect(site.id).toBe('html5');
    expect(site.pageUrl(video)).toBe('https://vimeo.com/event/5116195');
    expect(site.startTimeFromUrl()).toBe(90);
    // The player's parts are still Vimeo's.
    expect(site.layerParent(video)).toBe(document.querySelector('.player'));
  });

  it('name a past video of an event by its URL', () => {
    const site = adapterFor('vimeo.com');
    const video = page('https://vimeo.com/event/595460/videos/498149131/', VIMEO_PLAYER);
    expect(video && site.recordingKey(video)).toBe('vimeo:498149131');
    expect(video && site.pageUrl(video)).toBe('https://vimeo.com/498149131');
    expect(site.startTimeFromUrl()).toBeNull();
  });

  it('keep a review page as the place to watch again, and seek to its #t= themselves', () => {
    const site = adapterFor('vimeo.com');
    const video = page('https://vimeo.com/user21297594/review/75524534/3c257a1b5d#t=1m5s', VIMEO_PLAYER);
    expect(video && site.recordingKey(video)).toBe('vimeo:75524534');
    expect(video && site.pageUrl(video)).toBe('https://vimeo.com/user21297594/review/75524534/3c257a1b5d');
    expect(site.startTimeFromUrl()).toBe(65);
  });
});

describe('YouTube pages', () => {
  it('every host the link parser reads as YouTube gets the YouTube adapter, so a page and a link to it are one recording', () => {
    for (const host of ['www.youtube.com', 'music.youtube.com', 'www.youtubekids.com', 'youtube-nocookie.com']) {
      const site = adapterFor(host);
      const video = page(`https://${host}/watch?v=qVv6vCqciTM`, YOUTUBE_PLAYER);
      expect(video && site.recordingKey(video)).toBe('youtube:qVv6vCqciTM');
      expect(site.id).toBe('youtube');
    }
  });

  it('a live replay (/live/ID) is the video, stored as its watch page', () => {
    const site = adapterFor('www.youtube.com');
    const video = page('https://www.youtube.com/live/qVv6vCqciTM', YOUTUBE_PLAYER);
    expect(video && site.recordingKey(video)).toBe('youtube:qVv6vCqciTM');
    expect(video && site.pageUrl(video)).toBe('https://www.youtube.com/watch?v=qVv6vCqciTM');
    expect(site.id).toBe('youtube');
  });

  it('Shorts are left out: no video is found, so no panel and no page fallback', () => {
    const site = adapterFor('www.youtube.com');
    page('https://www.youtube.com/shorts/18NGQq7p3LY', YOUTUBE_PLAYER);
    expect(site.findVideo()).toBeNull();
  });

  it('a hover preview is not the video being watched', () => {
    const site = adapterFor('www.youtube.com');
    page('https://www.youtube.com/', `<div id="video-preview"><div class="html5-video-player"><video></video></div></div>`);
    expect(site.findVideo()).toBeNull();
  });

  it('where the URL names no video, the player’s title link does (miniplayer, channel trailer)', () => {
    const site = adapterFor('www.youtube.com');
    const video = page(
      'https://www.youtube.com/@talks',
      `<div id="movie_player" class="html5-video-player"><video class="html5-main-video"></video>
        <a class="ytp-title-link" href="https://www.youtube.com/watch?v=Wb1nQ9rLk2A">Talk</a></div>`,
    );
    expect(video && site.recordingKey(video)).toBe('youtube:Wb1nQ9rLk2A');
  });

  it('where nothing names the video, the recording is the page', () => {
    const site = adapterFor('www.youtube.com');
    const video = page('https://www.youtube.com/@talks/featured?utm_source=x', YOUTUBE_PLAYER);
    expect(video && site.recordingKey(video)).toBe('https://www.youtube.com/@talks/featured');
    expect(site.id).toBe('html5');
  });
});

it('every other site is the plain page', () => {
  const video = page('https://forum.example/t/talk?b=2&a=1', '<video></video>');
  const site = adapterFor('forum.example');
  expect(site.id).toBe('html5');
  expect(video && site.recordingKey(video)).toBe('https://forum.example/t/talk?a=1&b=2');
});
