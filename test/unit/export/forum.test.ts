import { describe, expect, it } from 'vitest';
import { forumPost, type ForumPostOptions } from '../../../src/core/export/forum';
import { translator } from '../../../src/core/i18n';
import { emptyWebinar, manyNotes, note, question, recording, VIDEO, webinar } from './fixtures';
import { discourseReading } from './markdown-renderers';

const BASE: ForumPostOptions = { grouping: 'time', noteLinks: true, qaInDetails: true, mentions: true };

/**
 * The post's own words in each language it is written in (issue 17, item 4): every test below runs
 * in both, so the escaping, the links and the layout are proven the same whatever the headings say.
 */
const WORDS = {
  en: {
    speakers: 'Speakers', keyPoints: 'Key points', qa: 'Q&A', date: '12 November 2026', otherNotes: 'Other notes',
    hostedBy: (name: string) => `Hosted by ${name}`, askedBy: (name: string) => `asked by ${name}`,
    answer: 'Answer', notAnswered: '(not answered)', noNotes: '(no notes yet)',
    qaSummary: (count: string) => `Q&A summary (${count})`, questions: (n: number) => `${n} question${n === 1 ? '' : 's'}`,
  },
  tr: {
    speakers: 'Konuşmacılar', keyPoints: 'Önemli noktalar', qa: 'Soru-Cevap', date: '12 Kasım 2026', otherNotes: 'Diğer notlar',
    hostedBy: (name: string) => `Düzenleyen: ${name}`, askedBy: (name: string) => `soran: ${name}`,
    answer: 'Cevap', notAnswered: '(cevaplanmadı)', noNotes: '(henüz not yok)',
    qaSummary: (count: string) => `Soru-Cevap özeti (${count})`, questions: (n: number) => `${n} soru`,
  },
} as const;
const WJ = '\u2060';
const at = (seconds: number): string => `${VIDEO}&t=${seconds}s`;

/** The lines between a `## Heading` and the next `## ` heading. */
function section(text: string, heading: string): string[] {
  const lines = text.split('\n');
  const start = lines.indexOf(`## ${heading}`);
  if (start < 0) return [];
  const end = lines.findIndex((line, i) => i > start && line.startsWith('## '));
  return lines.slice(start + 1, end < 0 ? undefined : end).filter(Boolean);
}

/** Every http(s) link a forum would make of the post: link destinations, autolinks, and bare URL lines. */
function linksIn(text: string): number {
  const destinations = text.match(/\]\(https?:\/\/[^)\s]+\)/g) ?? [];
  const autolinks = text.match(/<https?:\/\/[^>\s]+>/g) ?? [];
  const bare = text.split('\n').filter((line) => /^https?:\/\/\S+$/.test(line));
  return destinations.length + autolinks.length + bare.length;
}

describe.each(['en', 'tr'] as const)('forumPost in %s', (lang) => {
  const L = WORDS[lang];
  const ui = translator(lang);
  const ALL_ON: ForumPostOptions = { ...BASE, lang };

  it('opens with the title and date, description, host, and the recording URL alone on its line', () => {
    const { text } = forumPost(webinar(), ALL_ON);
    const lines = text.split('\n');
    expect(lines[0]).toBe(`# Scaling \\*Community\\* Forums \\[2026\\] \\<Live\\> — ${L.date}`);
    expect(text).toContain('A panel on moderation \\& growth.\n\nBring questions!');
    expect(text).toContain(L.hostedBy('Forum Friends\\_Club'));
    const urlLine = lines.indexOf(VIDEO);
    expect(urlLine).toBeGreaterThan(0);
    // A blank line on each side, so the URL is a paragraph of its own and Discourse oneboxes it.
    expect([lines[urlLine - 1], lines[urlLine + 1]]).toEqual(['', '']);
  });

  it('falls back to the page title, and shows an unreadable date as typed', () => {
    const input = { ...emptyWebinar(), recording: recording({ details: { date: 'next Tuesday' } }) };
    expect(forumPost(input, ALL_ON).text.split('\n')[0]).toBe('# Page title (YouTube) — next Tuesday');
  });

  it('lists speakers with role and organisation, and @handles only when mentions are on', () => {
    const on = section(forumPost(webinar(), ALL_ON).text, L.speakers);
    expect(on).toEqual([
      '- **Ana Díaz** — Head of Research, Example Org (@ana_diaz)',
      '- **Smith, Jr., John** — CTO, Acme, Inc. (@jsmith)',
    ]);
    const off = forumPost(webinar(), { ...ALL_ON, mentions: false });
    expect(section(off.text, L.speakers)).toEqual([
      '- **Ana Díaz** — Head of Research, Example Org',
      '- **Smith, Jr., John** — CTO, Acme, Inc.',
    ]);
    expect(off.text).not.toContain('ana_diaz');
    expect(off.text).not.toContain('jsmith');
    // The only @ left is the one typed in a note, and it cannot mention anyone.
    expect(off.text.match(/@/g)).toHaveLength(1);
    expect(off.text).toContain(`${WJ}\\@bob`);
  });

  it('mentions exactly the handles that are forum usernames; the others show as typed, with a warning', () => {
    // Discourse would read "@ana_" as a mention of @ana followed by "_" (issue 11, item 2).
    const valid = ['ana.diaz', '_jo-9', 'B', 'Ana_Diaz'];
    const invalid = ['ana_', 'jo.-e', 'x-_y', 'ana diaz!', 'anaí', '-ana', 'a'.repeat(61)];
    const input = { ...emptyWebinar(), recording: recording({ speakers: [...valid, ...invalid].map((handle, i) => ({ id: `s${i}`, name: `Speaker ${i}`, handle })) }) };
    const post = forumPost(input, ALL_ON);
    const reading = discourseReading(post.text);
    expect(reading.mentions).toEqual(valid.map((handle) => `@${handle}`));
    for (const handle of invalid) expect(reading.text).toContain(`(@${handle})`);
    expect(post.warnings).toHaveLength(invalid.length);
    expect(post.warnings[0]).toBe(ui.t('export_warnNotUsername', 'ana_', 'Speaker 4'));
    if (lang === 'en') expect(post.warnings[0]).toMatch(/^"@ana_" \(Speaker 4\) is not a forum username .* written as plain text/);
  });

  it('writes key points in time order as timestamp links, escaping what was typed', () => {
    const points = section(forumPost(webinar(), ALL_ON).text, L.keyPoints);
    expect(points).toEqual([
      `- [0:05](${at(5)}) **Ana Díaz**: Welcome \\& intro 🎉`,
      `- [1:05](${at(65)}) **Smith, Jr., John**: Use \\*\\*bold\\*\\* claims? No: \\_really\\_ \\<script\\>alert(1)\\</script\\>`,
      `- [12:34](${at(754)}) **Ana Díaz**: ${WJ}\\# Not a heading`,
      '  \\- not a list',
      `  \\[quote\\]BBCode\\[/quote\\] and \\[b\\]bold\\[/b\\] \\| a \\| table \\| ping ${WJ}\\@bob :${WJ}smile:`,
      `- [30:00](${at(1800)}) See <https://example.com/docs%5F%28v2%29> for details.`,
    ]);
  });

  it('writes bare times when note links are off, leaving only the recording link', () => {
    const post = forumPost(webinar(), { ...ALL_ON, noteLinks: false });
    expect(section(post.text, L.keyPoints)[0]).toBe('- 0:05 **Ana Díaz**: Welcome \\& intro 🎉');
    expect(post.text).toContain(`**25:00 How does moderation scale?** — ${L.askedBy('Priya')}`);
    expect(post.text).not.toContain('&t=');
    // The recording and the URL typed in a note.
    expect(post.links).toBe(2);
    expect(post.warnings).toEqual([]);
  });

  it('counts the links the forum makes: bare domains typed in a note stay text', () => {
    // Discourse would link both domains and count 3 links, over a new user's 2 (issue 11, item 3).
    const typed = 'see www.example.org and example.com/docs';
    const post = forumPost({ ...emptyWebinar(), notes: [note(5, typed)] }, { ...ALL_ON, noteLinks: false });
    const reading = discourseReading(post.text);
    expect(reading.hrefs).toEqual([VIDEO]);
    expect(post.links).toBe(1);
    expect(reading.text).toContain(`0:05 ${typed}`);
  });

  it('groups key points under each speaker, then the rest', () => {
    const points = section(forumPost(webinar(), { ...ALL_ON, grouping: 'speaker' }).text, L.keyPoints);
    const headings = points.filter((line) => line.startsWith('### '));
    expect(headings).toEqual(['### Ana Díaz', '### Smith, Jr., John', `### ${L.otherNotes}`]);
    const under = (heading: string): string[] => {
      const start = points.indexOf(heading);
      const next = points.findIndex((line, i) => i > start && line.startsWith('### '));
      return points.slice(start + 1, next < 0 ? undefined : next).filter((line) => line.startsWith('- '));
    };
    expect(under('### Ana Díaz').map((line) => line.slice(0, 8))).toEqual(['- [0:05]', '- [12:34']);
    expect(under('### Smith, Jr., John')).toHaveLength(1);
    expect(under(`### ${L.otherNotes}`)[0]).toContain('See <https://example.com/docs%5F%28v2%29>');
  });

  it('writes the Q&A: bold question with its time link, answers by name, unanswered ones said so', () => {
    const qa = section(forumPost(webinar(), ALL_ON).text, L.qa);
    expect(qa).toEqual([
      `[details="${L.qaSummary(L.questions(3))}"]`,
      `**[25:00](${at(1500)}) How does moderation scale?** — ${L.askedBy('Priya')}`,
      `- **Ana Díaz** ([25:10](${at(1510)})): With trust levels \\& flags.`,
      `**[26:40](${at(1600)}) Is there an API \\<v2\\>?** — ${L.askedBy('a registrant')}`,
      '- **Guest panelist**: Yes, see the docs.',
      `- **${L.answer}**: Another answer, nobody named.`,
      `**[28:20](${at(1700)}) What about pricing?**`,
      `- ${L.notAnswered}`,
      '[/details]',
    ]);
    const open = section(forumPost(webinar(), { ...ALL_ON, qaInDetails: false }).text, L.qa);
    expect(open.some((line) => line.includes('[details') || line.includes('[/details]'))).toBe(false);
    expect(open).toHaveLength(7);
  });

  it('says "1 question" for one', () => {
    const input = { ...emptyWebinar(), qa: [question('q', 10, 'Only one?')] };
    expect(forumPost(input, ALL_ON).text).toContain(`[details="${L.qaSummary(L.questions(1))}"]`);
  });

  it('never uses [quote], whose attribute breaks on commas in names', () => {
    expect(forumPost(webinar(), { ...ALL_ON, grouping: 'speaker' }).text).not.toMatch(/(?<!\\)\[quote/);
  });

  it('leaves out trashed notes and questions', () => {
    const { text } = forumPost(webinar(), ALL_ON);
    expect(text).not.toContain('TRASHED');
  });

  it('counts every link, the oneboxed URL included, and warns above 2', () => {
    const post = forumPost(webinar(), ALL_ON);
    // Recording, 4 notes, 1 URL typed in a note, 3 questions, 1 timed answer.
    expect(post.links).toBe(10);
    expect(linksIn(post.text)).toBe(post.links);
    expect(post.warnings).toEqual([ui.t('export_warnTooManyLinks', 10, 2)]);
    if (lang === 'en') expect(post.warnings).toEqual(['The post has 10 links; new forum users may post at most 2 links; turn off per-note links.']);
    expect(post.characters).toBe(Array.from(post.text).length);
    // Emoji count as one character each, as the forum counts them.
    expect(post.characters).toBeLessThan(post.text.length);
  });

  it('still makes a valid post of an empty recording', () => {
    const post = forumPost(emptyWebinar(), ALL_ON);
    expect(post.text).toBe(`# Page title (YouTube)\n\n${VIDEO}\n\n## ${L.keyPoints}\n\n${L.noNotes}\n`);
    expect(post).toMatchObject({ links: 1, warnings: [] });
  });

  it('links into any other page with a media fragment, and drops a recording URL that is not http(s)', () => {
    const page = { recording: recording({ site: 'html5', url: 'https://example.org/talk?id=3' }), notes: [note(754, 'Hi')], qa: [] };
    expect(forumPost(page, ALL_ON).text).toContain('- [12:34](https://example.org/talk?id=3#t=754) Hi');
    const bad = { ...page, recording: recording({ site: 'html5', url: 'javascript:alert(1)' }) };
    const post = forumPost(bad, ALL_ON);
    expect(post.text).not.toContain('javascript');
    expect(post.text).toContain('- 12:34 Hi');
    expect(post.links).toBe(0);
    expect(post.warnings).toContainEqual(ui.t('export_warnNoUrl'));
    if (lang === 'en') expect(post.warnings).toContainEqual(expect.stringContaining('no web address'));
  });

  it('finishes 5,000 notes and warns that the post is too long for the forum', () => {
    const post = forumPost(manyNotes(), { ...ALL_ON, grouping: 'speaker' });
    expect(post.characters).toBeGreaterThan(32_000);
    expect(post.warnings).toContainEqual(ui.t('export_warnTooLong', post.characters, 32_000));
    if (lang === 'en') expect(post.warnings).toContainEqual(expect.stringMatching(/^The post is [\d,]+ characters; forums accept 32,000/));
    expect(post.links).toBe(1 + 5000 - Math.ceil(5000 / 97));
  });
});
