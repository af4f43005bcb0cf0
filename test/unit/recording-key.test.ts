import { describe, expect, it } from 'vitest';
import { pageRecordingKey } from '../../src/core/recording-key';

describe('pageRecordingKey', () => {
  it('drops the fragment', () => {
    expect(pageRecordingKey('https://example.com/talks/42#t=90')).toBe('https://example.com/talks/42');
  });

  it.each(['utm_source', 'utm_medium', 'UTM_Campaign', 'fbclid', 'gclid', 'dclid', 'msclkid', 'mc_cid', 'mc_eid', 'igshid', '_ga', '_gl', 'ref_src', 'si'])(
    'drops the tracking parameter %s',
    (name) => {
      expect(pageRecordingKey(`https://example.com/watch?${name}=x&id=7`)).toBe('https://example.com/watch?id=7');
    },
  );

  it('keeps parameters that only look like tracking ones', () => {
    expect(pageRecordingKey('https://example.com/w?utm=1&gclid_x=2&ref=3')).toBe(
      'https://example.com/w?gclid_x=2&ref=3&utm=1',
    );
  });

  it('sorts the remaining parameters by name and keeps the path', () => {
    expect(pageRecordingKey('https://example.com/a/b/c?z=1&a=2&m=3')).toBe('https://example.com/a/b/c?a=2&m=3&z=1');
  });

  it('keeps the order of repeated parameters of the same name', () => {
    expect(pageRecordingKey('https://example.com/p?b=1&a=2&a=1')).toBe('https://example.com/p?a=2&a=1&b=1');
  });

  it('leaves no "?" when every parameter was tracking', () => {
    expect(pageRecordingKey('https://example.com/p?utm_source=news&fbclid=abc#x')).toBe('https://example.com/p');
  });

  it('gives the same key for the same page reached through different links', () => {
    const keys = [
      'https://example.com/webinar?id=9&lang=en',
      'https://example.com/webinar?lang=en&id=9&utm_source=mail&utm_campaign=spring',
      'https://example.com/webinar?fbclid=IwAR0&id=9&lang=en#comments',
      'https://EXAMPLE.com:443/webinar?gclid=123&lang=en&id=9',
    ].map(pageRecordingKey);
    expect(new Set(keys)).toEqual(new Set(['https://example.com/webinar?id=9&lang=en']));
  });

  it('tells different pages apart', () => {
    expect(pageRecordingKey('https://example.com/webinar?id=9')).not.toBe(pageRecordingKey('https://example.com/webinar?id=10'));
    expect(pageRecordingKey('https://example.com/a')).not.toBe(pageRecordingKey('https://example.com/b'));
  });

  it('accepts http as well as https', () => {
    expect(pageRecordingKey('http://example.com/x?b=2&a=1')).toBe('http://example.com/x?a=1&b=2');
  });

  it.each([
    'javascript:alert(1)',
    'data:text/html,<video>',
    'file:///home/me/talk.mp4',
    'ftp://example.com/talk.mp4',
    'blob:https://example.com/2b3c',
    'about:blank',
    'not a url',
    '',
    '/relative/path',
  ])('returns null for %j', (href) => {
    expect(pageRecordingKey(href)).toBeNull();
  });
});
