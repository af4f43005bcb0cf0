import { describe, expect, it } from 'vitest';
import { forumPost, type ForumPostOptions } from '../../../src/core/export/forum';
import { htmlExport } from '../../../src/core/export/html';
import type { ExportInput } from '../../../src/core/export/input';
import { markdownExport } from '../../../src/core/export/markdown';
import { summaryOutline } from '../../../src/core/export/outline';
import { plainTextExport } from '../../../src/core/export/text';
import { note, question, recording, VIDEO, webinar } from './fixtures';

const FORUM: ForumPostOptions = { grouping: 'time', noteLinks: false, qaInDetails: false, mentions: true };

/** The four summaries of one input, by format. */
function summaries(input: ExportInput): Record<string, string> {
  return {
    forum: forumPost(input, FORUM).text,
    markdown: markdownExport(input),
    html: htmlExport(input),
    text: plainTextExport(input),
  };
}

describe('summaryOutline', () => {
  it('says what the summary says, in order, with typed text as paragraphs', () => {
    const outline = summaryOutline(webinar());
    expect(outline).toMatchObject({
      title: 'Scaling *Community* Forums [2026] <Live>',
      date: '12 November 2026',
      organiser: 'Forum Friends_Club',
      url: VIDEO,
      description: [['A panel on moderation & growth.'], ['Bring questions!']],
      speakers: [
        { name: 'Ana Díaz', affiliation: 'Head of Research, Example Org', handle: 'ana_diaz' },
        { name: 'Smith, Jr., John', affiliation: 'CTO, Acme, Inc.', handle: 'jsmith' },
      ],
    });
    // Trashed notes and questions are gone; the rest in time order.
    expect(outline.notes.map((n) => [n.at.label, n.speaker])).toEqual([
      ['0:05', 'Ana Díaz'], ['1:05', 'Smith, Jr., John'], ['12:34', 'Ana Díaz'], ['30:00', null],
    ]);
    expect(outline.notes[0]?.at.url).toBe(`${VIDEO}&t=5s`);
    expect(outline.notesBySpeaker.map((g) => [g.heading, g.notes.map((n) => n.at.label)])).toEqual([
      ['Ana Díaz', ['0:05', '12:34']], ['Smith, Jr., John', ['1:05']], ['Other notes', ['30:00']],
    ]);
    expect(outline.qa.map((q) => [q.at?.label, q.question, q.askedBy, q.answers.map((a) => a.by)])).toEqual([
      ['25:00', [['How does moderation scale?']], 'Priya', ['Ana Díaz']],
      ['26:40', [['Is there an API <v2>?']], 'a registrant', ['Guest panelist', 'Answer']],
      ['28:20', [['What about pricing?']], null, []],
    ]);
  });

  it('puts the notes of no known speaker under no heading when no speaker has notes', () => {
    const outline = summaryOutline({ recording: recording(), notes: [note(3, 'a', { speakerId: 'gone' })], qa: [] });
    expect(outline.notesBySpeaker.map((g) => g.heading)).toEqual([null]);
  });
});

describe('every format says the same thing', () => {
  it('names a speaker with a blank name "Unnamed speaker", in the list and on their notes', () => {
    const input: ExportInput = {
      recording: recording({ speakers: [{ id: 's1', name: '  ', role: 'Host' }] }),
      notes: [note(5, 'Hello', { speakerId: 's1' })],
      qa: [],
    };
    for (const [format, text] of Object.entries(summaries(input))) {
      // Once in the speakers list, once on the note.
      expect(text.split('Unnamed speaker').length - 1, format).toBe(2);
    }
  });

  it('writes "(no question text)" for a question asked with no words', () => {
    const input: ExportInput = { recording: recording(), notes: [], qa: [question('q1', 12, ' \n ', { askedBy: 'Priya' })] };
    for (const [format, text] of Object.entries(summaries(input))) {
      expect(text, format).toContain('(no question text)');
      expect(text, format).toMatch(/Priya/);
    }
  });

  it('writes names and the date on one line in HTML as elsewhere', () => {
    const input: ExportInput = {
      recording: recording({ details: { title: 'T', date: 'late\nNovember' } }),
      notes: [],
      qa: [question('q1', 12, 'Why?', { answers: [{ name: 'Ana\n  Díaz', text: 'Because.' }] })],
    };
    const html = htmlExport(input);
    expect(html).toContain('<p dir="auto">late November</p>');
    expect(html).toContain('<strong dir="auto">Ana Díaz</strong>');
  });

  it('names the speaker on one line in the forum warning about a handle', () => {
    const input: ExportInput = {
      recording: recording({ speakers: [{ id: 's1', name: 'Ana\nDíaz', handle: 'ana_' }] }),
      notes: [],
      qa: [],
    };
    expect(forumPost(input, FORUM).warnings[0]).toContain('"@ana_" (Ana Díaz)');
  });
});
