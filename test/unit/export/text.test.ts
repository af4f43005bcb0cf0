import { describe, expect, it } from 'vitest';
import { plainTextExport } from '../../../src/core/export/text';
import { emptyWebinar, manyNotes, note, recording, VIDEO, webinar } from './fixtures';

describe('plainTextExport', () => {
  it('writes what was typed, unescaped, with times in a column', () => {
    expect(plainTextExport(webinar())).toBe(
      [
        'Scaling *Community* Forums [2026] <Live> — 12 November 2026',
        'Hosted by Forum Friends_Club',
        VIDEO,
        '',
        'A panel on moderation & growth.',
        '',
        'Bring questions!',
        '',
        'Speakers',
        '- Ana Díaz — Head of Research, Example Org',
        '- Smith, Jr., John — CTO, Acme, Inc.',
        '',
        'Notes',
        '0:05   Ana Díaz: Welcome & intro 🎉',
        '1:05   Smith, Jr., John: Use **bold** claims? No: _really_ <script>alert(1)</script>',
        '12:34  Ana Díaz: # Not a heading',
        '       - not a list',
        '       [quote]BBCode[/quote] and [b]bold[/b] | a | table | ping @bob :smile:',
        '30:00  See https://example.com/docs_(v2) for details.',
        '',
        'Q&A',
        '25:00  Q: How does moderation scale? (asked by Priya)',
        '       A — Ana Díaz (25:10): With trust levels & flags.',
        '26:40  Q: Is there an API <v2>? (asked by a registrant)',
        '       A — Guest panelist: Yes, see the docs.',
        '       A — Answer: Another answer, nobody named.',
        '28:20  Q: What about pricing?',
        '       A: (not answered)',
        '',
      ].join('\n'),
    );
  });

  it('widens the time column past an hour', () => {
    const input = { recording: recording({ speakers: [] }), notes: [note(5, 'start'), note(3725, 'late\nsecond line')], qa: [] };
    expect(plainTextExport(input)).toContain('0:05     start\n1:02:05  late\n         second line\n');
  });

  it('exports an empty recording with a clear line', () => {
    expect(plainTextExport(emptyWebinar())).toBe(`Page title (YouTube)\n${VIDEO}\n\nNotes\n(no notes yet)\n`);
  });

  it('exports 5,000 notes, trashed ones left out', () => {
    const text = plainTextExport(manyNotes());
    expect(text.split('\n').filter((line) => line.includes('Point '))).toHaveLength(5000 - Math.ceil(5000 / 97));
    expect(text).toContain('*emphasis* & <tag> [link](x)');
  });
});
