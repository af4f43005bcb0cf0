/**
 * Plain CommonMark for notes apps (Obsidian, Notion, Joplin…): the same content as the forum post
 * without forum features (no onebox line, no [details], no mentions), timestamps as links.
 */
import { linkAt } from '../links';
import type { QaItem, Recording } from '../model';
import { formatTime } from '../time';
import { exportUrl } from '../web-url';
import {
  answererName, type ExportInput, exportDate, exportTitle, liveNotes, liveQa, oneLine,
  paragraphs, speakerAffiliation, speakerById,
} from './input';
import { markdownText } from './markdown-escape';

const inline = (typed: string): string => markdownText(oneLine(typed), false);

/**
 * Typed text, escaped, as the user broke it: a line break as a hard break (`\` at the end of the
 * line; a plain newline is a soft break, which every renderer shows as a space), a blank line as a
 * new paragraph. Lines after the first are indented by `indent` to stay inside a list item.
 */
function block(typed: string, indent: string): string {
  return paragraphs(typed)
    .map((lines) => lines.map((line) => markdownText(line, true)).join(`\\\n${indent}`))
    .join(`\n\n${indent}`);
}

function time(recording: Recording, seconds: number): string {
  // linkAt's URL holds no parenthesis, space or backslash, so it can stand as the destination.
  const url = linkAt(recording, seconds);
  return url ? `[${formatTime(seconds)}](${url})` : formatTime(seconds);
}

function qaLines(recording: Recording, item: QaItem): string[] {
  const at = item.t !== undefined ? ` ${time(recording, item.t)}` : '';
  const asked = item.askedBy?.trim() ? ` — asked by ${inline(item.askedBy)}` : '';
  const lines = [`- **Q${at}:** ${block(item.question, '  ')}${asked}`];
  const answers = item.answers.filter((answer) => answer.text.trim());
  if (answers.length === 0) lines.push('  - (not answered)');
  for (const answer of answers) {
    const when = answer.t !== undefined ? ` (${time(recording, answer.t)})` : '';
    lines.push(`  - **${inline(answererName(recording, answer))}**${when}: ${block(answer.text, '    ')}`);
  }
  return lines;
}

/** The recording's notes and Q&A as a Markdown document. */
export function markdownExport(input: ExportInput): string {
  const { recording } = input;
  const out: string[] = [`# ${inline(exportTitle(recording))}`, ''];
  const date = exportDate(recording);
  const url = exportUrl(recording.url);
  const facts = [
    date ? `- Date: ${inline(date)}` : '',
    recording.details?.organiser?.trim() ? `- Hosted by: ${inline(recording.details.organiser)}` : '',
    url ? `- Recording: <${url}>` : '',
  ].filter(Boolean);
  if (facts.length > 0) out.push(...facts, '');
  const description = block(recording.details?.description ?? '', '');
  if (description) out.push(description, '');

  const speakers = recording.speakers ?? [];
  if (speakers.length > 0) {
    out.push('## Speakers', '');
    for (const speaker of speakers) {
      const affiliation = speakerAffiliation(speaker);
      out.push(`- **${inline(speaker.name || 'Unnamed speaker')}**${affiliation ? ` — ${inline(affiliation)}` : ''}`);
    }
    out.push('');
  }

  const notes = liveNotes(input.notes);
  out.push('## Notes', '');
  if (notes.length === 0) out.push('(no notes yet)');
  for (const note of notes) {
    const speaker = speakerById(recording, note.speakerId);
    const who = speaker ? ` **${inline(speaker.name)}:**` : '';
    const text = block(note.text, '  ');
    out.push(`- ${time(recording, note.t)}${who}${text ? ` ${text}` : ''}`);
  }
  out.push('');

  const qa = liveQa(input.qa);
  if (qa.length > 0) out.push('## Q&A', '', ...qa.flatMap((item) => qaLines(recording, item)), '');
  return `${out.join('\n').trimEnd()}\n`;
}
