import { describe, expect, it } from 'vitest';
import { transcriptFileName, transcriptVtt } from '../../../src/core/export/transcript-vtt';
import type { Cue, Transcript } from '../../../src/core/model';
import { parseVtt } from './vtt-strict';

const transcript = (cues: Cue[], lang = 'en'): Transcript => ({
  recordingKey: 'youtube:dQw4w9WgXcQ', lang, source: 'track', complete: true, cues, updatedAt: 1_000,
});

describe('transcriptVtt', () => {
  it('writes a valid file: header, numbered cues in time order with their timings, voices as <v>', () => {
    const text = transcriptVtt(transcript([
      { start: 0, end: 2.5, text: 'Welcome, everyone.', voice: 'Ana Díaz' },
      { start: 3725.25, end: 3727, text: 'An hour in.' },
      { start: 2.5, end: 4, text: 'Thanks, Ana.' },
    ]));
    expect(text).toBe([
      'WEBVTT',
      '',
      '1',
      '00:00:00.000 --> 00:00:02.500',
      '<v Ana Díaz>Welcome, everyone.</v>',
      '',
      '2',
      '00:00:02.500 --> 00:00:04.000',
      'Thanks, Ana.',
      '',
      '3',
      '01:02:05.250 --> 01:02:07.000',
      'An hour in.',
      '',
    ].join('\n'));
    expect(parseVtt(text)).toHaveLength(3);
  });

  it('keeps hostile cue text as text: markup, references, "-->", blank lines, a voice with markup', () => {
    const text = transcriptVtt(transcript([
      { start: 1, end: 2, text: '<b>bold</b> & &amp; --> <script>x</script>', voice: 'Eve <i>"> & co' },
      { start: 2, end: 3, text: 'first\n\n\nafter blank lines\r\nand CRLF' },
    ]));
    const cues = parseVtt(text);
    expect(cues.map((cue) => cue.payload)).toEqual([
      ['<v Eve &lt;i&gt;"&gt; &amp; co>&lt;b&gt;bold&lt;/b&gt; &amp; &amp;amp; --&gt; &lt;script&gt;x&lt;/script&gt;</v>'],
      ['first', 'after blank lines', 'and CRLF'],
    ]);
  });

  it('leaves out cues with no words, and gives a cue that does not end after its start one millisecond', () => {
    const cues = parseVtt(transcriptVtt(transcript([
      { start: 1, end: 2, text: '  \n ' },
      { start: 5, end: 5, text: 'instant' },
      { start: 6, end: 6.0004, text: 'under a millisecond' },
      { start: 7, end: 8, text: 'مرحبا بكم في الندوة' },
    ])));
    expect(cues.map((cue) => [cue.start, cue.end, cue.payload])).toEqual([
      [5, 5.001, ['instant']],
      [6, 6.001, ['under a millisecond']],
      [7, 8, ['مرحبا بكم في الندوة']],
    ]);
  });

  it('writes an empty transcript as a header alone, and a track of 20,000 cues (MAX_CUES) whole', () => {
    expect(transcriptVtt(transcript([]))).toBe('WEBVTT\n');
    const many = Array.from({ length: 20_000 }, (_, i) => ({ start: i, end: i + 1, text: `line ${i}` }));
    expect(parseVtt(transcriptVtt(transcript(many)))).toHaveLength(20_000);
  });
});

describe('transcriptFileName', () => {
  it('names the file by its language, keeping only letters, digits and "-"', () => {
    expect(transcriptFileName(transcript([], 'en-US'))).toBe('transcript-en-US.vtt');
    expect(transcriptFileName(transcript([], '../../etc/passwd'))).toBe('transcript-etcpasswd.vtt');
    expect(transcriptFileName(transcript([], ''))).toBe('transcript.vtt');
    expect(transcriptFileName(transcript([], '日本語'))).toBe('transcript.vtt');
  });
});
