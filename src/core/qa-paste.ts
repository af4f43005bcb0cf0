/**
 * "Paste Q&A": splits text copied from a forum thread, a form export or an earlier summary into
 * questions and answers. Nothing is dropped but decoration: what cannot be split is kept whole
 * and flagged `unsplit` for the user to fix.
 *
 * Tried in order: a CSV/TSV export with a "question" column (qa-paste/csv.ts); then, within the
 * "## Q&A" section if there is one (qa-paste/sections.ts), "Q:"/"A:" markers; numbered questions
 * "1." "1)" "#1"; else paragraphs, where "Name: text" after a question is an answer and a
 * paragraph or line ending in "?" is a question (qa-paste/blocks.ts).
 */
import { parseLines } from './qa-paste/blocks';
import { cleanText } from './qa-paste/clean';
import { parseCsvExport } from './qa-paste/csv';
import { splitSections } from './qa-paste/sections';
import type { ParsedQuestion, SpeakerRef } from './qa-paste/types';

export type { ParsedAnswer, ParsedQuestion } from './qa-paste/types';

/**
 * The questions of `text` in the order pasted, each with its answers; `speakers` are matched by
 * name. Never throws: what cannot be split comes back whole with `unsplit: true`. Time and work
 * grow linearly with the length of `text` (test/unit/qa-paste-linear.test.ts).
 */
export function parseQaPaste(text: string, speakers: readonly SpeakerRef[] = []): ParsedQuestion[] {
  const unified = text.replace(/\r\n?/g, '\n').replace(/\uFEFF/g, '').trim();
  if (unified === '') return [];
  const table = parseCsvExport(unified, speakers);
  if (table) return table;
  return splitSections(unified)
    .flatMap((section): ParsedQuestion[] => {
      if (section.qa) return parseLines(cleanText(section.text), speakers);
      const whole = cleanText(section.text).map((l) => l.text).join('\n');
      return [{ question: whole, answers: [], unsplit: true }];
    })
    .filter((q) => q.question !== '' || q.answers.length > 0 || q.askedBy !== undefined);
}
