import { describe, expect, it } from 'vitest';
import type { ExportInput } from '../../../src/core/export/input';
import { renderExport } from '../../../src/core/export/render';
import { escapeCueText, vttTimestamp, webVtt } from '../../../src/core/export/vtt';
import { emptyWebinar, manyNotes, note, recording, webinar } from './fixtures';
import { parseVtt } from './vtt-strict';

const OPTIONS = {
  forum: { grouping: 'time', noteLinks: true, qaInDetails: true, mentions: false },
  annotation: { id: 'urn:uuid:00000000-0000-4000-8000-000000000000', generatedAt: '2026-11-12T15:00:00Z' },
} as const;

const only = (notes: ExportInput['notes'], duration?: number): ExportInput => ({
  recording: recording(duration === undefined ? { duration: undefined } : { duration }),
  notes,
  qa: [],
});

describe('webVtt', () => {
  it('writes a valid file: each note until the next, the last for 5 s, speakers as voices', () => {
    const text = webVtt(webinar()).text;
    const cues = parseVtt(text);
    expect(cues.map((c) => [c.start, c.end])).toEqual([[5, 65], [65, 754.6], [754.6, 1800], [1800, 1805]]);
    expect(text).toContain('\n00:12:34.600 --> 00:30:00.000\n');
    expect(cues[0]?.payload).toEqual(['<v Ana Díaz>Welcome &amp; intro 🎉</v>']);
    expect(cues[1]?.payload).toEqual([
      '<v Smith, Jr., John>Use **bold** claims? No: _really_ &lt;script&gt;alert(1)&lt;/script&gt;</v>',
    ]);
    expect(cues[2]?.payload).toHaveLength(3);
    expect(text).not.toContain('TRASHED');
  });

  it('keeps "-->" and blank lines out of cue text', () => {
    const text = webVtt(only([note(1, 'a --> b\n\n\nc <-- d & e'), note(8, 'next')])).text;
    expect(parseVtt(text)[0]?.payload).toEqual(['a --&gt; b', 'c &lt;-- d &amp; e']);
  });

  it('ends no cue past the recording, and shares one cue between notes at the same time', () => {
    const cues = parseVtt(webVtt(only([note(10, 'one'), note(10, 'two'), note(598, 'near the end')], 600)).text);
    expect(cues).toEqual([
      { id: '1', start: 10, end: 598, payload: ['one', 'two'] },
      { id: '2', start: 598, end: 600, payload: ['near the end'] },
    ]);
  });

  it('keeps a note at a bad time at the start', () => {
    const cues = parseVtt(webVtt(only([note(Number.NaN, 'nan'), note(30, 'later')], 600)).text);
    expect(cues.map((c) => [c.start, c.end])).toEqual([[0, 30], [30, 35]]);
  });

  // Issue 11, item 6: a note at or after the known end got a cue running past the duration.
  it('runs no cue past the known end: a note at or after it is left out and named, with why', () => {
    const notes = [note(590, 'last words'), note(600, 'at the end'), note(700, 'after the end'), note(599.9996, 'rounds to the end')];
    const rendered = renderExport('vtt', only(notes, 600), OPTIONS);
    const cues = parseVtt(rendered.text);
    expect(cues.map((c) => [c.start, c.end, c.payload])).toEqual([[590, 595, ['last words']]]);
    for (const cue of cues) expect(cue.end).toBeLessThanOrEqual(600);
    expect(rendered.leftOut).toEqual([
      'The note at 9:59 “rounds to the end” is left out: it is at or after the end of the recording (10:00).',
      'The note at 10:00 “at the end” is left out: it is at or after the end of the recording (10:00).',
      'The note at 11:40 “after the end” is left out: it is at or after the end of the recording (10:00).',
    ]);
    expect(rendered.facts).toEqual(['3 notes left out']);
  });

  it('leaves nothing out when the duration is unknown', () => {
    const vtt = webVtt(only([note(590, 'a'), note(700, 'b')]));
    expect(parseVtt(vtt.text).map((c) => [c.start, c.end])).toEqual([[590, 700], [700, 705]]);
    expect(vtt.leftOut).toEqual([]);
  });

  it('leaves out notes with no text, and writes a header alone when there is nothing', () => {
    expect(webVtt(only([note(3, '  ')])).text).toBe('WEBVTT\n');
    expect(webVtt(emptyWebinar()).text).toBe('WEBVTT\n');
    expect(parseVtt(webVtt(emptyWebinar()).text)).toEqual([]);
  });

  it('writes 5,000 notes as a valid file', () => {
    expect(parseVtt(webVtt(manyNotes()).text)).toHaveLength(5000 - Math.ceil(5000 / 97));
  });
});

describe('vttTimestamp and escapeCueText', () => {
  it('writes hours, minutes, seconds and milliseconds', () => {
    expect(vttTimestamp(0)).toBe('00:00:00.000');
    expect(vttTimestamp(3725.0456)).toBe('01:02:05.046');
    expect(vttTimestamp(100 * 3600)).toBe('100:00:00.000');
    expect(vttTimestamp(-1)).toBe('00:00:00.000');
  });

  it('escapes &, < and >', () => {
    expect(escapeCueText('<b>&amp;</b>')).toBe('&lt;b&gt;&amp;amp;&lt;/b&gt;');
  });
});
