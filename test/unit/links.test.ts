import { describe, expect, it } from 'vitest';
import { linkAt } from '../../src/core/links';

describe('linkAt', () => {
  it('links YouTube recordings with the site’s own t= form, in whole seconds', () => {
    expect(linkAt({ site: 'youtube', url: 'https://www.youtube.com/watch?v=Wb1nQ9rLk2A' }, 754.9)).toBe(
      'https://www.youtube.com/watch?v=Wb1nQ9rLk2A&t=754s',
    );
  });
  it('keeps the unlisted Vimeo hash', () => {
    expect(linkAt({ site: 'vimeo', url: 'https://vimeo.com/76979871/8272103f6e' }, 10)).toBe(
      'https://vimeo.com/76979871/8272103f6e#t=10s',
    );
  });
  it.each([
    ['https://vimeo.com/user21297594/review/75524534/3c257a1b5d', 'https://vimeo.com/user21297594/review/75524534/3c257a1b5d#t=10s'],
    ['https://vimeo.com/event/595460/videos/498149131/', 'https://vimeo.com/498149131#t=10s'],
    ['https://vimeo.com/showcase/3253534/video/119195465', 'https://vimeo.com/119195465#t=10s'],
    ['https://vimeo.com/581039021/9603038895', 'https://vimeo.com/581039021/9603038895#t=10s'],
  ])('links the Vimeo form %s to the moment on a page that plays it', (url, expected) => {
    expect(linkAt({ site: 'vimeo', url }, 10.5)).toBe(expected);
  });
  it('links YouTube live replays and Shorts with the watch page’s t= (a Shorts URL ignores t=)', () => {
    expect(linkAt({ site: 'youtube', url: 'https://www.youtube.com/live/qVv6vCqciTM' }, 754)).toBe(
      'https://www.youtube.com/watch?v=qVv6vCqciTM&t=754s',
    );
    expect(linkAt({ site: 'youtube', url: 'https://www.youtube.com/shorts/18NGQq7p3LY' }, 5)).toBe(
      'https://www.youtube.com/watch?v=18NGQq7p3LY&t=5s',
    );
  });
  it('gives a plain page its address with #t=, replacing any fragment and keeping the query', () => {
    expect(linkAt({ site: 'html5', url: 'https://forum.example/t/talk?page=2#post-4' }, 42)).toBe(
      'https://forum.example/t/talk?page=2#t=42',
    );
  });
  it('writes a link in exportUrl’s form: no markup a page put in its address, no password', () => {
    expect(linkAt({ site: 'html5', url: 'http://me:pw@127.0.0.1:8000/talk)![p](https://tracker.example/p.png)' }, 12)).toBe(
      'http://127.0.0.1:8000/talk%29%21%5Bp%5D%28https://tracker.example/p.png%29#t=12',
    );
  });
  it('never links to anything but http(s), and refuses a URL of the wrong site', () => {
    expect(linkAt({ site: 'html5', url: 'javascript:alert(1)' }, 1)).toBeNull();
    expect(linkAt({ site: 'html5', url: 'data:text/html,hi' }, 1)).toBeNull();
    expect(linkAt({ site: 'youtube', url: 'https://vimeo.com/76979871' }, 1)).toBeNull();
    expect(linkAt({ site: 'vimeo', url: 'not a url' }, 1)).toBeNull();
  });
});
