/**
 * Plain text for notes apps and mail: no markup at all, so nothing is escaped; times in a column
 * and the recording's address once at the top (a link per note would drown the text).
 */
import { formatTime } from '../time';
import { exportUrl } from '../web-url';
import {
  answererName, type ExportInput, exportDate, exportTitle, liveNotes, liveQa, oneLine,
  paragraphs, speakerAffiliation, speakerById,
} from './input';

/** `label` then the lines of `typed`, the later ones indented under the first, blank lines kept. */
function hanging(label: string, typed: string, width: number): string {
  const pad = ' '.repeat(width);
  const lines = paragraphs(typed).flatMap((paragraph, i) => (i === 0 ? paragraph : ['', ...paragraph]));
  const head = `${label.padEnd(width)}${lines[0] ?? ''}`.trimEnd();
  return [head, ...lines.slice(1).map((line) => (line ? pad + line : ''))].join('\n');
}

/** The recording's notes and Q&A as plain text. */
export function plainTextExport(input: ExportInput): string {
  const { recording } = input;
  const date = exportDate(recording);
  const out: string[] = [oneLine(exportTitle(recording)) + (date ? ` — ${oneLine(date)}` : '')];
  const organiser = recording.details?.organiser?.trim();
  if (organiser) out.push(`Hosted by ${oneLine(organiser)}`);
  // Plain text gets pasted into forums and chats too: the URL carries no markup either.
  const url = exportUrl(recording.url);
  if (url) out.push(url);
  for (const paragraph of paragraphs(recording.details?.description ?? '')) out.push('', ...paragraph);

  const speakers = recording.speakers ?? [];
  if (speakers.length > 0) {
    out.push('', 'Speakers');
    for (const speaker of speakers) {
      const affiliation = speakerAffiliation(speaker);
      out.push(`- ${oneLine(speaker.name) || 'Unnamed speaker'}${affiliation ? ` — ${oneLine(affiliation)}` : ''}`);
    }
  }

  const notes = liveNotes(input.notes);
  const qa = liveQa(input.qa);
  // One column wide enough for the longest time, plus two spaces.
  const times = [...notes.map((n) => n.t), ...qa.map((q) => q.t ?? 0)].map(formatTime);
  const width = Math.max(4, ...times.map((t) => t.length)) + 2;

  out.push('', 'Notes');
  if (notes.length === 0) out.push('(no notes yet)');
  for (const note of notes) {
    const speaker = speakerById(recording, note.speakerId);
    const text = speaker ? `${oneLine(speaker.name)}: ${note.text.trim()}` : note.text;
    out.push(hanging(formatTime(note.t), text, width));
  }

  if (qa.length > 0) out.push('', 'Q&A');
  for (const item of qa) {
    const asked = item.askedBy?.trim() ? ` (asked by ${oneLine(item.askedBy)})` : '';
    out.push(hanging(item.t !== undefined ? formatTime(item.t) : '', `Q: ${item.question.trim()}${asked}`, width));
    const answers = item.answers.filter((answer) => answer.text.trim());
    if (answers.length === 0) out.push(`${' '.repeat(width)}A: (not answered)`);
    for (const answer of answers) {
      const when = answer.t !== undefined ? ` (${formatTime(answer.t)})` : '';
      out.push(hanging('', `A — ${oneLine(answererName(recording, answer))}${when}: ${answer.text.trim()}`, width));
    }
  }
  return `${out.join('\n')}\n`;
}
