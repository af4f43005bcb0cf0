/**
 * Plain CommonMark for notes apps (Obsidian, Notion, Joplin…): the same content as the forum post
 * without forum features (no onebox line, no [details], no mentions), timestamps as links.
 */
import { translator, type Translator } from '../i18n';
import type { IllustratedOutline, PlacedImage } from './illustrated';
import { type ExportInput, type ExportLanguage, exportWords, oneLine } from './input';
import { markdownText } from './markdown-escape';
import {
  type OutlineNote, type OutlineQuestion, type OutlineTime, type Paragraphs, summaryOutline, type SummaryOutline,
} from './outline';

const inline = (typed: string): string => markdownText(oneLine(typed), false);

/**
 * Typed text, escaped, as the user broke it: a line break as a hard break (`\` at the end of the
 * line; a plain newline is a soft break, which every renderer shows as a space), a blank line as a
 * new paragraph. Lines after the first are indented by `indent` to stay inside a list item.
 */
function block(text: Paragraphs, indent: string): string {
  return text.map((lines) => lines.map((line) => markdownText(line, true)).join(`\\\n${indent}`)).join(`\n\n${indent}`);
}

/**
 * A note's quote as a blockquote under it: each line `> ` after `indent` (inside the list item),
 * the quote's own line breaks as hard breaks, paragraphs apart by a bare `>`.
 */
function quoteBlock(text: Paragraphs, indent: string): string {
  return text.map((lines) => lines.map((line) => `${indent}> ${markdownText(line, true)}`).join('\\\n')).join(`\n${indent}>\n`);
}

// linkAt's URL holds no parenthesis, space or backslash, so it can stand as the destination.
const time = (at: OutlineTime): string => (at.url ? `[${at.label}](${at.url})` : at.label);

function qaLines(item: OutlineQuestion, words: Translator): string[] {
  const at = item.at ? ` ${time(item.at)}` : '';
  const asked = item.askedBy ? ` — ${words.t('export_askedBy', inline(item.askedBy))}` : '';
  const lines = [`- **${words.t('export_questionLabel')}${at}:** ${block(item.question, '  ')}${asked}`];
  if (item.answers.length === 0) lines.push(`  - ${words.t('export_notAnswered')}`);
  for (const answer of item.answers) {
    const when = answer.at ? ` (${time(answer.at)})` : '';
    lines.push(`  - **${inline(answer.by)}**${when}: ${block(answer.text, '    ')}`);
  }
  return lines;
}

/** A note as a list item: its time, speaker and text, then its quote. */
function noteLines(note: OutlineNote): string[] {
  const who = note.speaker !== null ? ` **${inline(note.speaker)}:**` : '';
  const text = block(note.text, '  ');
  const lines = [`- ${time(note.at)}${who}${text ? ` ${text}` : ''}`];
  if (note.quote.length > 0) lines.push(quoteBlock(note.quote, '  '));
  return lines;
}

/** A picture by its relative path (ASCII, no space or parenthesis: illustrated.ts names them). */
const picture = (image: PlacedImage): string => `![${image.label}](${image.path})`;

/**
 * The document around its notes part: heading, facts, description, speakers, then `notes`, then
 * the Q&A; its own words in the outline's language.
 */
function markdownDocument(outline: SummaryOutline, notes: string[]): string {
  const words = translator(outline.lang);
  const out: string[] = [`# ${inline(outline.title)}`, ''];
  const facts = [
    outline.date ? `- ${words.t('export_dateFact', inline(outline.date))}` : '',
    outline.organiser ? `- ${words.t('export_hostedByFact', inline(outline.organiser))}` : '',
    outline.url ? `- ${words.t('export_recordingFact', `<${outline.url}>`)}` : '',
  ].filter(Boolean);
  if (facts.length > 0) out.push(...facts, '');
  const description = block(outline.description, '');
  if (description) out.push(description, '');

  if (outline.speakers.length > 0) {
    out.push(`## ${words.t('export_speakers')}`, '');
    for (const speaker of outline.speakers) {
      out.push(`- **${inline(speaker.name)}**${speaker.affiliation ? ` — ${inline(speaker.affiliation)}` : ''}`);
    }
    out.push('');
  }

  out.push(`## ${words.t('export_notes')}`, '');
  out.push(...notes, '');

  if (outline.qa.length > 0) out.push(`## ${words.t('export_qa')}`, '', ...outline.qa.flatMap((item) => qaLines(item, words)), '');
  return `${out.join('\n').trimEnd()}\n`;
}

/** The recording's notes and Q&A as a Markdown document, its own words in `lang`. */
export function markdownExport(input: ExportInput, options: ExportLanguage = {}): string {
  const { words } = exportWords(options);
  const outline = summaryOutline(input, words.lang);
  return markdownDocument(outline, outline.notes.length === 0 ? [words.t('export_noNotesYet')] : outline.notes.flatMap(noteLines));
}

/**
 * The Markdown document of the zip (markdown-zip.ts): the notes part is the slides in time order,
 * each a picture on its own line followed by the notes taken while it was shown, each note with
 * its frames as pictures inside its list item. Links are relative (`images/…`).
 */
export function illustratedMarkdown({ outline, sections }: IllustratedOutline): string {
  if (sections.length === 0) return markdownDocument(outline, [translator(outline.lang).t('export_noNotesYet')]);
  const notes: string[] = [];
  for (const section of sections) {
    if (section.slide) notes.push(`### ${section.slide.label}`, '', picture(section.slide), '');
    for (const { note, frames } of section.notes) {
      notes.push(...noteLines(note));
      for (const frame of frames) notes.push('', `  ${picture(frame)}`);
      if (frames.length > 0) notes.push('');
    }
    notes.push('');
  }
  // A note with frames ends in a blank line, and so does a section: one is enough.
  return markdownDocument(outline, notes.filter((line, i) => line !== '' || notes[i - 1] !== ''));
}
