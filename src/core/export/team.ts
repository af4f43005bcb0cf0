/**
 * The summary of a recording in a team folder (core/sync/team.ts): everyone's notes and questions,
 * or only this browser's own (those without `author`). With everyone's, each note says whose it is
 * as `[Name] ` before its text, but only when more than one person wrote the recording's live notes:
 * a summary of one person's notes needs no name on every line. Every format writes the text, so
 * every format says it the same way.
 */
import type { ExportInput } from './input';
import { liveNotes } from './input';

/** Whether the recording holds notes or questions by other people (the summary offers "only mine"). */
export function hasOthersNotes(input: ExportInput): boolean {
  return input.notes.some((n) => n.author) || input.qa.some((q) => q.author);
}

/** `input` as the summary exports it: `onlyMine` leaves out other people's; `myName` labels this browser's own. */
export function teamExportInput(input: ExportInput, { onlyMine, myName }: { onlyMine: boolean; myName: string }): ExportInput {
  if (onlyMine) return { ...input, notes: input.notes.filter((n) => !n.author), qa: input.qa.filter((q) => !q.author) };
  const writers = new Set(liveNotes(input.notes).map((n) => n.author?.id ?? ''));
  if (writers.size < 2) return input;
  return { ...input, notes: input.notes.map((n) => ({ ...n, text: `[${n.author?.name ?? myName}] ${n.text}` })) };
}
