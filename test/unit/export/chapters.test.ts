import { describe, expect, it } from 'vitest';
import { chapterTitle, youtubeChapters } from '../../../src/core/export/chapters';
import type { ExportInput } from '../../../src/core/export/input';
import { parseTime } from '../../../src/core/time';
import { emptyWebinar, manyNotes, note, recording, webinar } from './fixtures';

/** YouTube's rules, checked on the text alone: first at 0:00, at least 3, ascending, 10 s apart, no < >. */
function youtubeRuleBreaks(text: string, duration?: number): string[] {
  const lines = text.trimEnd().split('\n');
  const starts = lines.map((line) => parseTime(line.split(' ')[0] ?? ''));
  const breaks: string[] = [];
  if (starts[0] !== 0) breaks.push('first not at 0:00');
  if (lines.length < 3) breaks.push('fewer than 3');
  starts.forEach((start, i) => {
    if (start === null) breaks.push(`line ${i} has no time`);
    else if (i > 0 && start - (starts[i - 1] ?? 0) < 10) breaks.push(`line ${i} under 10 s after the previous`);
  });
  const last = starts.at(-1);
  if (duration !== undefined && last != null && duration - last < 10) breaks.push('last under 10 s');
  if (/[<>]/.test(text)) breaks.push('angle brackets');
  lines.forEach((line, i) => {
    if (!/^\d+(?::\d{2}){1,2} \S/.test(line)) breaks.push(`line ${i} has no title`);
  });
  return breaks;
}

const input = (notes: ExportInput['notes'], duration?: number): ExportInput => ({
  recording: recording(duration === undefined ? { duration: undefined } : { duration }),
  notes,
  qa: [],
});

describe('youtubeChapters', () => {
  it('makes chapters of the fixture, the first note at 0:00, titles as typed but angle brackets', () => {
    const result = youtubeChapters(webinar());
    expect(result).toEqual({
      ok: true,
      dropped: 0,
      text: [
        '0:00 Welcome & intro 🎉',
        '1:05 Use **bold** claims? No: _really_ ‹script›alert(1)‹/script›',
        '12:34 # Not a heading',
        '30:00 See https://example.com/docs_(v2) for details.',
        '',
      ].join('\n'),
    });
    if (result.ok) expect(youtubeRuleBreaks(result.text, 3600)).toEqual([]);
  });

  it('puts an Introduction at 0:00 when no note is in the first 10 s', () => {
    const result = youtubeChapters(input([note(30, 'Agenda'), note(95, 'Demo')]));
    expect(result).toMatchObject({ ok: true, text: '0:00 Introduction\n0:30 Agenda\n1:35 Demo\n' });
  });

  it('drops a note less than 10 s after the previous chapter, and counts it', () => {
    const result = youtubeChapters(input([note(0, 'Start'), note(60, 'Kept'), note(69.9, 'Too close'), note(70, 'Ten after')]));
    expect(result).toEqual({ ok: true, dropped: 1, text: '0:00 Start\n1:00 Kept\n1:10 Ten after\n' });
    if (result.ok) expect(youtubeRuleBreaks(result.text)).toEqual([]);
  });

  it('drops a chapter that would start less than 10 s before the end', () => {
    const result = youtubeChapters(input([note(0, 'A'), note(100, 'B'), note(200, 'C'), note(295, 'Credits')], 300));
    expect(result).toEqual({ ok: true, dropped: 1, text: '0:00 A\n1:40 B\n3:20 C\n' });
  });

  it('says which rule fails when there are too few chapters', () => {
    const result = youtubeChapters(input([note(0, 'Start'), note(5, 'Still the start'), note(60, 'Middle')]));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toContain('at least 3 chapters');
      expect(result.message).toContain('these notes make 2 chapters');
      expect(result.message).toContain('1 note was less than 10 seconds');
    }
  });

  it('says there is nothing to make chapters from when there are no notes with text', () => {
    for (const empty of [emptyWebinar(), input([note(40, '   \n ')])]) {
      const result = youtubeChapters(empty);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toMatch(/no notes with text.*at least 3 chapters/);
    }
  });

  it('leaves out trashed notes', () => {
    const result = youtubeChapters(input([note(0, 'A'), note(20, 'Gone', { deletedAt: 1 }), note(40, 'B'), note(80, 'C')]));
    expect(result).toMatchObject({ ok: true, text: '0:00 A\n0:40 B\n1:20 C\n' });
  });

  it('refuses a list longer than a YouTube description, and finishes 5,000 notes', () => {
    const result = youtubeChapters(manyNotes());
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain('at most 5000');
  });
});

describe('chapterTitle', () => {
  it('takes the first line, whitespace collapsed', () => {
    expect(chapterTitle('\n  Opening   remarks \nand more')).toBe('Opening remarks');
  });

  it('cuts at a word to at most 60 characters', () => {
    const long = 'Why moderation at scale needs trust levels, flags, and a lot of patience from everyone';
    const title = chapterTitle(long);
    expect(Array.from(title).length).toBeLessThanOrEqual(60);
    expect(title).toBe('Why moderation at scale needs trust levels, flags, and a…');
    // A word that ends right at the cut is kept whole.
    expect(chapterTitle(`${'a'.repeat(54)} word more`)).toBe(`${'a'.repeat(54)} word…`);
    expect(chapterTitle('x'.repeat(100))).toBe(`${'x'.repeat(59)}…`);
  });
});
