import { describe, expect, it } from 'vitest';
import { forumBase, forumUsername, MAX_NEW_TOPIC_URL, newTopicUrl } from '../../src/core/discourse';

describe('forumBase', () => {
  it('reads the forum address however it was typed', () => {
    expect(forumBase('forum.example.org')).toBe('https://forum.example.org');
    expect(forumBase(' https://community.example.com/forum/ ')).toBe('https://community.example.com/forum');
    expect(forumBase('http://localhost:3000')).toBe('http://localhost:3000');
  });
  it('refuses what is not an http(s) forum', () => {
    for (const input of ['', '   ', 'javascript:alert(1)', 'data:text/html,x', 'ftp://example.org', 'http://']) {
      expect(forumBase(input)).toBeNull();
    }
  });
  it('keeps no markup in the path and no password', () => {
    expect(forumBase('https://me:secret@forum.example.org/c/(talks)![x](y)/')).toBe(
      'https://forum.example.org/c/%28talks%29%21%5Bx%5D%28y%29',
    );
  });
});

describe('newTopicUrl', () => {
  it('carries title and body, encoded', () => {
    const url = newTopicUrl('https://forum.example.org', 'Webinar: Q&A #3', 'Line 1\n[details="x"]&\n');
    expect(url).toBe(
      'https://forum.example.org/new-topic?title=Webinar%3A%20Q%26A%20%233&body=Line%201%0A%5Bdetails%3D%22x%22%5D%26%0A',
    );
    const parsed = new URL(url as string);
    expect(parsed.searchParams.get('body')).toBe('Line 1\n[details="x"]&\n');
  });
  it('percent-encodes what encodeURIComponent leaves as markup: ( ) ! * \' ~', () => {
    const body = "Note (1)! *a* ~b~ 'c'\n";
    const url = newTopicUrl('https://forum.example.org', 'T', body) as string;
    expect(url).toBe('https://forum.example.org/new-topic?title=T&body=Note%20%281%29%21%20%2Aa%2A%20%7Eb%7E%20%27c%27%0A');
    expect(new URL(url).searchParams.get('body')).toBe(body);
  });
  it('gives null when the post does not fit in a URL', () => {
    expect(newTopicUrl('https://forum.example.org', 't', 'x'.repeat(MAX_NEW_TOPIC_URL))).toBeNull();
  });
});

describe('forumUsername', () => {
  it('takes a handle as typed, with or without "@", when a mention would name exactly it', () => {
    expect(forumUsername(' @ana_diaz ')).toBe('ana_diaz');
    expect(forumUsername('@@J.Smith-2')).toBe('J.Smith-2');
    expect(forumUsername('x')).toBe('x');
    expect(forumUsername('a'.repeat(60))).toBe('a'.repeat(60));
  });

  it('refuses what Discourse reads differently or not at all', () => {
    for (const handle of ['', '@', 'ana_', 'ana.', 'jo..e', 'x-_y', '.ana', '-ana', 'ana diaz', 'anaí', 'a'.repeat(61), '_']) {
      expect(forumUsername(handle), handle).toBeNull();
    }
  });
});
