/**
 * Issue 17, items 4 and 5: a summary's own words are in the language chosen for the export (the
 * community's), the user's text never changes; and user text in HTML keeps its own direction.
 */
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { youtubeChapters } from '../../../src/core/export/chapters';
import { forumPost, type ForumPostOptions } from '../../../src/core/export/forum';
import { handoutHtml } from '../../../src/core/export/handout';
import { htmlExport } from '../../../src/core/export/html';
import { formatLongDate } from '../../../src/core/export/input';
import { markdownExport } from '../../../src/core/export/markdown';
import { renderExport } from '../../../src/core/export/render';
import { plainTextExport } from '../../../src/core/export/text';
import { translator } from '../../../src/core/i18n';
import type { ExportInput } from '../../../src/core/export/input';
import { note, question, recording, webinar } from './fixtures';

const OPTIONS: ForumPostOptions = { grouping: 'speaker', noteLinks: true, qaInDetails: true, mentions: true, pictures: { slides: 2, frames: 1 } };

/** Each fixed phrase of the post in English and in Turkish, longest first (one may hold another). */
const PHRASES: readonly (readonly [string, string])[] = [
  ['Q&A summary (3 questions)', 'Soru-Cevap özeti (3 soru)'],
  ['2 slides and 1 frame are in the handout.', '2 slayt ve 1 kare el notunda yer alıyor.'],
  ['12 November 2026', '12 Kasım 2026'],
  ['(not answered)', '(cevaplanmadı)'],
  ['Hosted by ', 'Düzenleyen: '],
  ['Key points', 'Önemli noktalar'],
  ['Other notes', 'Diğer notlar'],
  ['asked by ', 'soran: '],
  ['**Answer**', '**Cevap**'],
  ['Speakers', 'Konuşmacılar'],
  ['Q&A', 'Soru-Cevap'],
];

/** A post's lines with each fixed phrase of `lang` replaced by the same token in both languages. */
function neutral(text: string, lang: 0 | 1): string[] {
  return text.split('\n').map((line) => PHRASES.reduce((out, pair, i) => out.replaceAll(pair[lang], `⟨${i}⟩`), line));
}

describe('a forum post in Turkish', () => {
  const en = forumPost(webinar(), { ...OPTIONS, lang: 'en' }).text;
  const tr = forumPost(webinar(), { ...OPTIONS, lang: 'tr' }).text;

  it('has Turkish headings and a Turkish date', () => {
    const lines = tr.split('\n');
    expect(lines[0]).toMatch(/ — 12 Kasım 2026$/);
    for (const heading of ['## Konuşmacılar', '## Önemli noktalar', '### Diğer notlar', '## Soru-Cevap']) expect(lines).toContain(heading);
    expect(tr).toContain('Düzenleyen: Forum Friends\\_Club');
    expect(tr).toContain('[details="Soru-Cevap özeti (3 soru)"]');
    for (const english of ['Speakers', 'Key points', 'Other notes', 'asked by', 'Hosted by', 'November', 'not answered', 'handout']) expect(tr).not.toContain(english);
  });

  it('is otherwise the English post line for line: same lines, headings in the same places, the user’s text as typed', () => {
    const [enLines, trLines] = [en.split('\n'), tr.split('\n')];
    expect(trLines).toHaveLength(enLines.length);
    const headings = (lines: string[]) => lines.flatMap((line, i) => (/^#{1,6} /.test(line) ? [i] : []));
    expect(headings(trLines)).toEqual(headings(enLines));
    // Lines with none of our words are the same bytes; the others differ only in our words.
    expect(neutral(tr, 1)).toEqual(neutral(en, 0));
    const changed = enLines.filter((line, i) => line !== trLines[i]);
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.length).toBeLessThan(enLines.length / 2);
  });

  it('warns in the language of the pages (uiLang), which may differ from the post’s', () => {
    const post = forumPost(webinar(), { ...OPTIONS, lang: 'tr', uiLang: 'en' });
    expect(post.text).toBe(tr);
    expect(post.warnings[0]).toMatch(/^The post has \d+ links/);
    expect(forumPost(webinar(), { ...OPTIONS, lang: 'en', uiLang: 'tr' }).warnings[0]).toMatch(/^Gönderide \d+ bağlantı var/);
  });
});

describe('every summary export in Turkish', () => {
  const input = (): ExportInput => ({
    ...webinar(),
    recording: recording({ title: '', details: {}, speakers: [{ id: 's1', name: '  ' }] }),
    notes: [note(30, 'Hello', { speakerId: 's1' })],
    qa: [question('q1', 40, '', { answers: [{ text: 'Yes' }] }), question('q2', undefined, 'Later?')],
  });

  it('writes its fallbacks in Turkish too: untitled, unnamed speaker, no question text, an answer by nobody', () => {
    for (const text of [markdownExport(input(), { lang: 'tr' }), plainTextExport(input(), { lang: 'tr' }), htmlExport(input(), { lang: 'tr' })]) {
      // The title is the page's, blank here.
      expect(text).toContain('Adsız kayıt');
      expect(text).toContain('Adsız konuşmacı');
      expect(text).toContain('(soru metni yok)');
      expect(text).toContain('Cevap');
      expect(text).toContain('(cevaplanmadı)');
      expect(text).toContain('Hello');
      expect(text).not.toMatch(/Untitled|Unnamed|no question text|not answered/);
    }
    expect(markdownExport(input(), { lang: 'tr' })).toMatch(/^- \*\*S \[0:40\]\([^)]+\):\*\* \(soru metni yok\)$/m);
    expect(plainTextExport(input(), { lang: 'tr' })).toContain('C — Cevap: Yes');
  });

  it('opens YouTube chapters with a Turkish Introduction, and says what it left out in the pages’ language', () => {
    const notes = [note(30, 'Agenda'), note(95, 'Demo'), note(99, 'Too close'), note(200, 'End')];
    const chapters = youtubeChapters({ ...webinar(), notes }, { lang: 'tr', uiLang: 'en' });
    expect(chapters.ok && chapters.text.split('\n')[0]).toBe('0:00 Giriş');
    const rendered = renderExport('chapters', { ...webinar(), notes }, { lang: 'en', uiLang: 'tr', forum: OPTIONS, annotation: { id: 'urn:uuid:x', generatedAt: '' } });
    expect(rendered.text.split('\n')[0]).toBe('0:00 Introduction');
    expect(rendered.facts).toEqual(['1 not dışarıda kaldı']);
    expect(rendered.leftOut).toEqual(['1:39 anındaki “Too close” notu dışarıda bırakıldı: 1:35 anındaki bölümden sonra 10 saniye geçmeden alınmış.']);
  });

  it('writes the handout with <html lang="tr"> and Turkish headings', () => {
    const { html } = handoutHtml({ ...webinar(), images: [] }, { lang: 'tr' });
    expect(html).toContain('<html lang="tr">');
    expect(html).toContain('<h2>Konuşmacılar</h2>');
    expect(html).toContain('<h2>Notlar</h2>');
    expect(html).toContain('<h2>Soru-Cevap</h2>');
    expect(html).toContain('— soran: <span dir="auto">Priya</span>');
  });
});

describe('formatLongDate', () => {
  it('writes a date in the language’s words and order, the year never grouped', () => {
    expect(formatLongDate('2026-02-03')).toBe('3 February 2026');
    expect(formatLongDate('2026-02-03', 'tr')).toBe('3 Şubat 2026');
    expect(formatLongDate('1999-12-31', 'tr')).toBe('31 Aralık 1999');
    expect(formatLongDate('2026-02-30', 'tr')).toBe('2026-02-30');
    expect(formatLongDate(' late November ', 'tr')).toBe('late November');
    expect(translator('tr').t('export_longDate', '1', 'Ocak', '2027')).toBe('1 Ocak 2027');
  });
});

describe('right-to-left user text (issue 17, item 5)', () => {
  const ARABIC = 'مرحبا بكم في الندوة';
  const HEBREW = 'שאלה טובה';
  const input = (): ExportInput => ({
    recording: recording({ details: { title: 'ندوة المجتمع', organiser: 'جمعية' }, speakers: [{ id: 's1', name: 'Ana Díaz', role: 'باحثة' }] }),
    notes: [note(5, ARABIC, { speakerId: 's1' }), note(9, 'An English note')],
    qa: [question('q1', 20, HEBREW, { askedBy: 'דוד', answers: [{ name: 'سارة', text: ARABIC }] })],
  });
  const parse = (html: string): Document =>
    new new Window().DOMParser().parseFromString(html.startsWith('<!DOCTYPE') ? html : `<!doctype html><body>${html}</body>`, 'text/html') as unknown as Document;

  /** The element whose `dir="auto"` decides the direction `text` is shown in: the nearest one with a dir. */
  function directionHolder(doc: Document, text: string): Element | null {
    const walker = doc.createTreeWalker(doc.body, 4 /* NodeFilter.SHOW_TEXT */);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.textContent?.includes(text)) return node.parentElement?.closest('[dir]') ?? null;
    }
    return null;
  }

  it.each([
    ['the HTML export', (data: ExportInput) => htmlExport(data)],
    ['the handout', (data: ExportInput) => handoutHtml({ ...data, images: [] }).html],
  ])('puts every piece of user text in %s in a dir="auto" element, an Arabic note’s line included', (_, make) => {
    const doc = parse(make(input()));
    for (const text of ['ندوة المجتمع', 'جمعية', 'Ana Díaz', 'باحثة', ARABIC, 'An English note', HEBREW, 'דוד', 'سارة']) {
      expect(directionHolder(doc, text)?.getAttribute('dir'), text).toBe('auto');
    }
    // The Arabic note's own line (its list item or paragraph) takes its direction from the note, not
    // from the speaker's name, which is isolated in a dir="auto" of its own.
    const line = directionHolder(doc, ARABIC) as Element;
    expect(line.textContent).toContain('Ana Díaz');
    expect(directionHolder(doc, 'Ana Díaz')).not.toBe(line);
  });
});
