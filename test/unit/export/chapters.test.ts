import { describe, expect, it } from 'vitest';
import { chapterTitle, youtubeChapters } from '../../../src/core/export/chapters';
import type { ExportInput } from '../../../src/core/export/input';
import { renderExport } from '../../../src/core/export/render';
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

const OPTIONS = {
  forum: { grouping: 'time', noteLinks: true, qaInDetails: true, mentions: false },
  annotation: { id: 'urn:uuid:00000000-0000-4000-8000-000000000000', generatedAt: '2026-11-12T15:00:00Z' },
} as const;

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
      leftOut: [],
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

  it('leaves out a note less than 10 s after the previous chapter, and says so', () => {
    const tooClose = note(69.9, 'Too close');
    const result = youtubeChapters(input([note(0, 'Start'), note(60, 'Kept'), tooClose, note(70, 'Ten after')]));
    expect(result).toEqual({
      ok: true,
      leftOut: [{ note: tooClose, reason: 'near-previous', at: 60, gap: 10 }],
      text: '0:00 Start\n1:00 Kept\n1:10 Ten after\n',
    });
    if (result.ok) expect(youtubeRuleBreaks(result.text)).toEqual([]);
  });

  it('leaves out a chapter that would start less than 10 s before the end, or after it', () => {
    const credits = note(295, 'Credits');
    const after = note(300, 'After the end');
    const result = youtubeChapters(input([note(0, 'A'), note(100, 'B'), note(200, 'C'), credits, after], 300));
    expect(result).toEqual({
      ok: true,
      leftOut: [
        { note: credits, reason: 'near-end', end: 300, gap: 10 },
        { note: after, reason: 'past-end', end: 300 },
      ],
      text: '0:00 A\n1:40 B\n3:20 C\n',
    });
  });

  it('keeps the 0:00 chapter for a note in the first 10 s of a short recording', () => {
    const result = youtubeChapters(input([note(5, 'A'), note(20, 'B'), note(40, 'C')], 52));
    expect(result).toEqual({ ok: true, leftOut: [], text: '0:00 A\n0:20 B\n0:40 C\n' });
  });

  // Issue 11, item 6: the panel and the CLI said "under 10 s apart" for a note left out near the end.
  it('names each left-out note with its own reason, for the panel and the command line alike', () => {
    const notes = [note(0, 'A'), note(5, 'Still the start\nsecond line'), note(100, 'B'), note(200, 'C'), note(295, 'Credits')];
    const rendered = renderExport('chapters', input(notes, 300), OPTIONS);
    expect(rendered.text).toBe('0:00 A\n1:40 B\n3:20 C\n');
    expect(rendered.leftOut).toEqual([
      'The note at 0:05 “Still the start” is left out: it is less than 10 s after the chapter at 0:00.',
      'The note at 4:55 “Credits” is left out: it is less than 10 s before the end of the recording (5:00).',
    ]);
    expect(rendered.facts).toEqual(['2 notes left out']);
    expect(rendered.facts.join(' ')).not.toContain('apart');
  });

  it('says which rule fails when there are too few chapters', () => {
    const result = youtubeChapters(input([note(0, 'Start'), note(5, 'Still the start'), note(60, 'Middle')]));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toContain('at least 3 chapters');
      expect(result.message).toContain('these notes make 2 chapters');
      expect(result.message).toContain('1 note is left out');
      expect(result.leftOut.map((item) => [item.note.text, item.reason])).toEqual([['Still the start', 'near-previous']]);
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

  // Issue 11, item 5: the title ended in half of 👩‍💻 (woman, ZERO WIDTH JOINER, laptop).
  it('never cuts inside a character as a reader sees it', () => {
    const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    const clusters = (text: string) => Array.from(segmenter.segment(text), (s) => s.segment);
    const coder = '👩‍💻';
    for (const text of [
      `${'あ'.repeat(57)}${coder} and more`,
      `${'あ'.repeat(58)}${coder}${coder} and more`,
      `${'e\u0301'.repeat(70)}`,
      `${'🇯🇵'.repeat(61)}`,
      `${'👍🏽'.repeat(30)} ${'👍🏽'.repeat(30)}`,
    ]) {
      const title = chapterTitle(text);
      expect(title.endsWith('…')).toBe(true);
      expect(Array.from(title).length).toBeLessThanOrEqual(60);
      // Every cluster of the title but the ellipsis is a whole cluster of the note.
      expect(clusters(text).slice(0, clusters(title).length - 1)).toEqual(clusters(title).slice(0, -1));
      expect(title).not.toMatch(/\u200d…$/);
    }
    // 👩‍💻 is three code points: it does not fit in the 59 before the ellipsis, so it goes whole.
    expect(chapterTitle(`${'あ'.repeat(57)}${coder} and more`)).toBe(`${'あ'.repeat(57)}…`);
    expect(chapterTitle(`${'あ'.repeat(50)}${coder} and more`)).toBe(`${'あ'.repeat(50)}${coder} and…`);
  });
});
