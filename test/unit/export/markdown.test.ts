import { describe, expect, it } from 'vitest';
import { markdownExport } from '../../../src/core/export/markdown';
import { emptyWebinar, manyNotes, VIDEO, webinar } from './fixtures';

const at = (seconds: number): string => `${VIDEO}&t=${seconds}s`;

describe('markdownExport', () => {
  it('writes a notes-app document: title, facts, description, speakers, notes, Q&A', () => {
    expect(markdownExport(webinar())).toBe(
      [
        '# Scaling \\*Community\\* Forums \\[2026\\] \\<Live\\>',
        '',
        '- Date: 12 November 2026',
        '- Hosted by: Forum Friends\\_Club',
        `- Recording: <${VIDEO}>`,
        '',
        'A panel on moderation \\& growth.',
        '',
        'Bring questions!',
        '',
        '## Speakers',
        '',
        '- **Ana Díaz** — Head of Research, Example Org',
        '- **Smith, Jr., John** — CTO, Acme, Inc.',
        '',
        '## Notes',
        '',
        `- [0:05](${at(5)}) **Ana Díaz:** Welcome \\& intro 🎉`,
        `- [1:05](${at(65)}) **Smith, Jr., John:** Use \\*\\*bold\\*\\* claims? No: \\_really\\_ \\<script\\>alert(1)\\</script\\>`,
        // Hard breaks (a backslash ending the line), so the lines stay lines.
        `- [12:34](${at(754)}) **Ana Díaz:** \\# Not a heading\\`,
        '  \\- not a list\\',
        '  \\[quote\\]BBCode\\[/quote\\] and \\[b\\]bold\\[/b\\] \\| a \\| table \\| ping @bob :smile:',
        `- [30:00](${at(1800)}) See <https://example.com/docs%5F%28v2%29> for details.`,
        '',
        '## Q&A',
        '',
        `- **Q [25:00](${at(1500)}):** How does moderation scale? — asked by Priya`,
        `  - **Ana Díaz** ([25:10](${at(1510)})): With trust levels \\& flags.`,
        `- **Q [26:40](${at(1600)}):** Is there an API \\<v2\\>? — asked by a registrant`,
        '  - **Guest panelist**: Yes, see the docs.',
        '  - **Answer**: Another answer, nobody named.',
        `- **Q [28:20](${at(1700)}):** What about pricing?`,
        '  - (not answered)',
        '',
      ].join('\n'),
    );
  });

  it('has no forum features: no onebox line, no [details], no word joiners', () => {
    const text = markdownExport(webinar());
    expect(text.split('\n')).not.toContain(VIDEO);
    expect(text).not.toContain('[details');
    expect(text).not.toContain('\u2060');
  });

  it('exports an empty recording with a clear line', () => {
    expect(markdownExport(emptyWebinar())).toBe(`# Page title (YouTube)\n\n- Recording: <${VIDEO}>\n\n## Notes\n\n(no notes yet)\n`);
  });

  it('exports 5,000 notes, trashed ones left out', () => {
    const lines = markdownExport(manyNotes()).split('\n');
    expect(lines.filter((line) => line.startsWith('- ['))).toHaveLength(5000 - Math.ceil(5000 / 97));
  });
});
