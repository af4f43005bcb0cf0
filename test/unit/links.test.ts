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
  it('gives a plain page its address with #t=, replacing any fragment and keeping the query', () => {
    expect(linkAt({ site: 'html5', url: 'https://forum.example/t/talk?page=2#post-4' }, 42)).toBe(
      'https://forum.example/t/talk?page=2#t=42',
    );
  });
  it('never links to anything but http(s), and refuses a URL of the wrong site', () => {
    expect(linkAt({ site: 'html5', url: 'javascript:alert(1)' }, 1)).toBeNull();
    expect(linkAt({ site: 'html5', url: 'data:text/html,hi' }, 1)).toBeNull();
    expect(linkAt({ site: 'youtube', url: 'https://vimeo.com/76979871' }, 1)).toBeNull();
    expect(linkAt({ site: 'vimeo', url: 'not a url' }, 1)).toBeNull();
  });
});
