import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { escapeHtml, htmlExport } from '../../../src/core/export/html';
import type { ExportInput } from '../../../src/core/export/input';
import { emptyWebinar, manyNotes, note, question, recording, VIDEO, webinar } from './fixtures';

function parse(html: string): Document {
  const window = new Window();
  return new window.DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html') as unknown as Document;
}

const texts = (doc: Document, selector: string): string[] =>
  Array.from(doc.querySelectorAll(selector), (el) => el.textContent ?? '');

/** Every user-typed field holds all five characters HTML needs escaped, and a would-be element. */
function hostile(): ExportInput {
  const evil = (label: string): string => `${label} & <b onclick="x">'y'</b>`;
  return {
    recording: recording({
      details: { title: evil('title'), date: '2026-11-12', description: evil('description'), organiser: evil('organiser') },
      speakers: [{ id: 's1', name: evil('speaker'), role: evil('role'), org: evil('org') }],
    }),
    notes: [note(12, evil('note'), { speakerId: 's1' })],
    qa: [question('q1', 30, evil('question'), { askedBy: evil('asker'), answers: [{ name: evil('answerer'), text: evil('answer') }] })],
  };
}

describe('escapeHtml', () => {
  it('escapes the five characters that matter in content and attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});

describe('htmlExport', () => {
  it('shows every user string as typed, never as markup', () => {
    const html = htmlExport(hostile());
    const doc = parse(html);
    // The only elements are the ones the export writes (a span isolates user text's direction).
    const tags = new Set(Array.from(doc.body.querySelectorAll('*'), (el) => el.tagName.toLowerCase()));
    expect([...tags].sort()).toEqual(['a', 'h1', 'h2', 'li', 'p', 'span', 'strong', 'ul']);
    expect(doc.querySelector('[onclick]')).toBeNull();
    expect(texts(doc, 'h1')).toEqual([`title & <b onclick="x">'y'</b>`]);
    const body = doc.body.textContent ?? '';
    for (const label of ['description', 'organiser', 'speaker', 'role', 'org', 'note', 'question', 'asker', 'answerer', 'answer']) {
      expect(body).toContain(`${label} & <b onclick="x">'y'</b>`);
    }
    expect(html).not.toMatch(/<b[ >]/);
  });

  it('lays out title, date, recording link, speakers, notes in time order, and Q&A', () => {
    const doc = parse(htmlExport(webinar()));
    expect(texts(doc, 'h1')).toEqual(['Scaling *Community* Forums [2026] <Live>']);
    expect(texts(doc, 'h2')).toEqual(['Speakers', 'Notes', 'Q&A']);
    expect(texts(doc, 'p')).toContain('12 November 2026');
    expect(doc.querySelector(`a[href="${VIDEO}"]`)).not.toBeNull();
    const notes = Array.from(doc.querySelectorAll('h2 + ul')[1]?.querySelectorAll('li') ?? [], (li) => li.textContent);
    expect(notes).toEqual([
      '0:05 Ana Díaz: Welcome & intro 🎉',
      '1:05 Smith, Jr., John: Use **bold** claims? No: _really_ <script>alert(1)</script>',
      '12:34 Ana Díaz: # Not a heading- not a list[quote]BBCode[/quote] and [b]bold[/b] | a | table | ping @bob :smile:',
      '30:00 See https://example.com/docs_(v2) for details.',
    ]);
    expect(doc.querySelectorAll('li br')).toHaveLength(2);
    const body = doc.body.textContent ?? '';
    expect(body).toContain('(not answered)');
    expect(body).toContain('Answer: Another answer, nobody named.');
    expect(body).toContain('Guest panelist: Yes, see the docs.');
    expect(body).not.toContain('TRASHED');
  });

  it('links only to http(s) addresses', () => {
    const hrefs = (input: ExportInput): string[] =>
      Array.from(parse(htmlExport(input)).querySelectorAll('a'), (a) => a.getAttribute('href') ?? '');
    const good = hrefs(webinar());
    // Recording, 4 notes, 3 questions, 1 timed answer.
    expect(good).toHaveLength(9);
    for (const href of good) expect(new URL(href).protocol).toBe('https:');
    expect(good).toContain(`${VIDEO}&t=754s`);

    for (const url of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd', 'not a url']) {
      const input = { recording: recording({ site: 'html5', url }), notes: [note(5, 'hi')], qa: [question('q', 9, 'Q?')] };
      expect(hrefs(input), url).toEqual([]);
      expect(htmlExport(input)).not.toContain('javascript:');
    }
  });

  // Parsing 5,000 list items in happy-dom takes seconds on a busy 2-core machine; this checks
  // the outline, not the speed (the bench measures that).
  it('exports an empty recording with a clear line, and 5,000 notes', { timeout: 60_000 }, () => {
    const empty = parse(htmlExport(emptyWebinar()));
    expect(texts(empty, 'p')).toContain('(no notes yet)');
    const many = parse(htmlExport(manyNotes()));
    expect(many.querySelectorAll('li')).toHaveLength(2 + 5000 - Math.ceil(5000 / 97));
  });
});
