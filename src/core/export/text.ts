/**
 * Plain text for notes apps and mail: no markup at all, so nothing is escaped; times in a column
 * and the recording's address once at the top (a link per note would drown the text). Plain text
 * cannot say which way a line reads: an Arabic or Hebrew note takes the direction the reading app
 * gives its line (outline.ts).
 */
import { type ExportInput, type ExportLanguage, exportWords } from './input';
import { type Paragraphs, summaryOutline } from './outline';

/** The paragraphs with `before` starting the first line and `after` ending the last. */
function framed(before: string, text: Paragraphs, after = ''): Paragraphs {
  const out = text.length > 0 ? text.map((lines) => [...lines]) : [['']];
  const first = out[0] as string[];
  first[0] = `${before}${first[0] ?? ''}`.trim();
  const last = out[out.length - 1] as string[];
  last[last.length - 1] = `${last[last.length - 1] ?? ''}${after}`;
  return out;
}

/** `label` then the lines of `text`, the later ones indented under the first, blank lines kept. */
function hanging(label: string, text: Paragraphs, width: number): string {
  const pad = ' '.repeat(width);
  const lines = text.flatMap((paragraph, i) => (i === 0 ? paragraph : ['', ...paragraph]));
  const head = `${label.padEnd(width)}${lines[0] ?? ''}`.trimEnd();
  return [head, ...lines.slice(1).map((line) => (line ? pad + line : ''))].join('\n');
}

/** The recording's notes and Q&A as plain text, its own words in `lang`. */
export function plainTextExport(input: ExportInput, options: ExportLanguage = {}): string {
  const { words } = exportWords(options);
  const outline = summaryOutline(input, words.lang);
  const out: string[] = [outline.title + (outline.date ? ` — ${outline.date}` : '')];
  if (outline.organiser) out.push(words.t('export_hostedBy', outline.organiser));
  // Plain text gets pasted into forums and chats too: the URL carries no markup either.
  if (outline.url) out.push(outline.url);
  for (const paragraph of outline.description) out.push('', ...paragraph);

  if (outline.speakers.length > 0) {
    out.push('', words.t('export_speakers'));
    for (const speaker of outline.speakers) {
      out.push(`- ${speaker.name}${speaker.affiliation ? ` — ${speaker.affiliation}` : ''}`);
    }
  }

  // One column wide enough for the longest time, plus two spaces.
  const times = [...outline.notes.map((note) => note.at), ...outline.qa.flatMap((item) => (item.at ? [item.at] : []))];
  const width = Math.max(4, ...times.map((at) => at.label.length)) + 2;

  out.push('', words.t('export_notes'));
  if (outline.notes.length === 0) out.push(words.t('export_noNotesYet'));
  for (const note of outline.notes) {
    out.push(hanging(note.at.label, note.speaker !== null ? framed(`${note.speaker}: `, note.text) : note.text, width));
    // The quote under the note's text, each line marked as quoted (as mail quotes), one block.
    const quoted = note.quote.flatMap((lines, i) => [...(i > 0 ? ['>'] : []), ...lines.map((line) => `> ${line}`)]);
    if (quoted.length > 0) out.push(hanging('', [quoted], width));
  }

  if (outline.qa.length > 0) out.push('', words.t('export_qa'));
  const [q, a] = [words.t('export_questionLabel'), words.t('export_answerLabel')];
  for (const item of outline.qa) {
    const asked = item.askedBy ? ` (${words.t('export_askedBy', item.askedBy)})` : '';
    out.push(hanging(item.at?.label ?? '', framed(`${q}: `, item.question, asked), width));
    if (item.answers.length === 0) out.push(`${' '.repeat(width)}${a}: ${words.t('export_notAnswered')}`);
    for (const answer of item.answers) {
      const when = answer.at ? ` (${answer.at.label})` : '';
      out.push(hanging('', framed(`${a} — ${answer.by}${when}: `, answer.text), width));
    }
  }
  return `${out.join('\n')}\n`;
}
