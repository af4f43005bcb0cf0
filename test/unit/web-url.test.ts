import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportUrl, httpUrl } from '../../src/core/web-url';

describe('httpUrl', () => {
  it('parses http(s) and refuses every other scheme and non-URL', () => {
    expect(httpUrl('https://example.org/a')?.href).toBe('https://example.org/a');
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', 'ftp://example.org/', 'example.org', '', null, undefined]) {
      expect(httpUrl(bad)).toBeNull();
    }
  });
});

describe('exportUrl', () => {
  it('percent-encodes the issue’s Markdown image out of a page address', () => {
    expect(exportUrl('http://127.0.0.1:8000/talk)![p](https://tracker.example/p.png)')).toBe(
      'http://127.0.0.1:8000/talk%29%21%5Bp%5D%28https://tracker.example/p.png%29',
    );
  });

  it('encodes every markup character after the host, in path, query and fragment', () => {
    const markup = '()[]<>"\'`*~!{}|\\^';
    const out = exportUrl(`https://example.org/p${markup}?q=${markup}#f${markup}`) ?? '';
    expect(out).toMatch(/^https:\/\/example\.org\//);
    expect(out.slice('https://example.org'.length)).not.toMatch(/[()[\]<>"'`*~!{}|\\^\s]/);
    // The backslash is a "/" to the parser in an http path; elsewhere it is kept, encoded.
    expect(out).toBe(
      'https://example.org/p%28%29%5B%5D%3C%3E%22%27%60%2A%7E%21%7B%7D%7C/%5E' +
        '?q=%28%29%5B%5D%3C%3E%22%27%60%2A%7E%21%7B%7D%7C%5C%5E#f%28%29%5B%5D%3C%3E%22%27%60%2A%7E%21%7B%7D%7C%5C%5E',
    );
  });

  it('keeps a "_" between letters or digits (YouTube ids) and encodes one that could make emphasis', () => {
    expect(exportUrl('https://www.youtube.com/watch?v=ab_cdEFgh12&t=5s')).toBe('https://www.youtube.com/watch?v=ab_cdEFgh12&t=5s');
    expect(exportUrl('https://x.org/_x_/a__b?_=1')).toBe('https://x.org/%5Fx%5F/a%5F%5Fb?%5F=1');
  });

  it('drops user name and password, a lone "?" or "#", and keeps the port', () => {
    expect(exportUrl('https://ann:secret@example.org:8443/a?#')).toBe('https://example.org:8443/a');
  });

  it('writes a stray "%" as "%25", keeps real escapes, and breaks character references', () => {
    expect(exportUrl('https://x.org/100%zz%41?a=&amp;b&#41;c')).toBe('https://x.org/100%25zz%41?a=&amp%3Bb&#41%3Bc');
  });

  it('encodes where linkify would cut a bare URL short', () => {
    expect(exportUrl('https://x.org/a.')).toBe('https://x.org/a%2E');
    expect(exportUrl('https://x.org/a..b?q=1,')).toBe('https://x.org/a%2E.b?q=1%2C');
    expect(exportUrl('https://x.org/a;')).toBe('https://x.org/a%3B');
    expect(exportUrl('https://x.org/a??b?')).toBe('https://x.org/a?%3Fb%3F');
  });

  it('writes international names and text in ASCII', () => {
    expect(exportUrl('https://bücher.example/straße?q=é#ü')).toBe('https://xn--bcher-kva.example/stra%C3%9Fe?q=%C3%A9#%C3%BC');
  });

  it('leaves out what is not an http(s) URL with a plain host name', () => {
    for (const bad of ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'mailto:a@b.org', 'not a url', '', null, 'https://[::1]/', 'https://_x_.example/', 'https://a*b.example/']) {
      expect(exportUrl(bad)).toBeNull();
    }
    expect(exportUrl('https://a_b.example/')).toBe('https://a_b.example/');
  });

  it('is idempotent and reaches the same host, on any input', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.string(), (base, tail) => {
        const first = exportUrl(base + tail);
        if (first === null) return;
        expect(exportUrl(first)).toBe(first);
        expect(new URL(first).host).toBe(new URL(base + tail).host);
        expect(first.slice(new URL(first).origin.length)).not.toMatch(/[()[\]<>"'`*~!{}|\\^\s]/);
      }),
    );
  });
});
