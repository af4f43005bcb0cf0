/** "Name: text" lines: who answered, when the name is a speaker's or clearly a person's. */
import type { SpeakerRef } from './types';

// Capitalised words that open labels, not names ("Note: …", "Update: …", "My setup: …").
const NOT_NAMES = new Set(
  `note notes nb ps p.s update edit tip tips warning caution important example examples summary
  context background source sources link links slides slide recording video reference references
  answer answers question questions re fwd subject topic title date time timestamp agenda step
  steps result results reason option options pros cons bonus hint fix workaround solution problem
  issue error output input docs documentation reply response comment comments disclaimer caveat
  correction clarification thanks also however yes no short long tldr fyi follow followup
  follow-up email phone website web url location price pricing cost requirements prerequisites
  duration level key takeaway takeaways conclusion intro introduction overview details detail
  http https ftp mailto www my our your their his her its the a an this that these those what why
  how when where who which whose is are was were can could do does did will would should shall may
  might must it we i you they he she in on at for with to from and or but if so then here there
  some all any one two three each every best main other more new old final first second third last
  next quick big small part chapter section page table figure see via per about after before during`
    .split(/\s+/),
);
// Lower-case particles allowed inside a name: "Ludwig van Beethoven", "Maria de la Cruz".
const PARTICLES = new Set(['van', 'von', 'de', 'der', 'den', 'da', 'di', 'du', 'la', 'le', 'del', 'bin', 'al', 'ibn', 'ter']);
const NAME_WORD = /^\p{Lu}[\p{L}\p{M}'’.-]*$/u;
// A name, maybe a bracket note that may hold a time ("Jane (12:40)"), then a colon.
const LABEL = /^([^:\n()]{1,60}?(?:\s*\([^()\n]{1,40}\))?)\s*:(?:\s+|$)/;

const norm = (s: string) => s.normalize('NFC').toLocaleLowerCase().replace(/\s+/g, ' ').trim();

/** The id of the speaker called `label` (full name, name before a comma, or unique first name). */
export function matchSpeaker(label: string, speakers: readonly SpeakerRef[]): string | undefined {
  const wanted = norm(label.replace(/\s*\([^()]*\)\s*$/, '')); // "Jane Doe (Acme)" → "jane doe"
  if (wanted === '') return undefined;
  const full = speakers.find((s) => norm(s.name) === wanted || norm(s.name.split(',')[0] ?? '') === wanted);
  if (full) return full.id;
  const byFirst = speakers.filter((s) => norm(s.name).split(' ')[0]?.replace(/,$/, '') === wanted);
  return byFirst.length === 1 ? byFirst[0]?.id : undefined; // two Janes: not sure which one
}

/** "Jane Doe", "Ana María", "J. R. Smith", "Priya (host)": 1–4 capitalised words, no label word. */
export function looksLikeName(label: string): boolean {
  const words = label.replace(/\s*\([^()]*\)\s*$/, '').split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 4) return false;
  if (!words.some((w) => /\p{Ll}/u.test(w))) return false; // "FAQ", "J."
  return words.every((w, i) => {
    if (NOT_NAMES.has(w.toLowerCase().replace(/[.:]$/, ''))) return false;
    if (i > 0 && i < words.length - 1 && PARTICLES.has(w)) return true;
    return NAME_WORD.test(w) && (w.length > 2 || /\p{Ll}|\.$/u.test(w));
  });
}

export interface SpeakerLine {
  speakerId?: string;
  name?: string;
  rest: string;
}

/** Reads "Name: text": a known speaker (any case) or a name-looking label; null otherwise. */
export function readSpeakerLine(line: string, speakers: readonly SpeakerRef[]): SpeakerLine | null {
  const m = LABEL.exec(line); // the colon must be followed by a space or the end: "https://" is not a label
  if (!m) return null;
  const label = (m[1] ?? '').trim();
  const rest = line.slice(m[0].length);
  // "Jane Doe (12:40):" from our summary export, "Jane (host):" typed: the bracket is not the name.
  const paren = /\s*\(\[?([^()[\]]*)\]?\)$/.exec(label);
  const note = paren?.[1]?.trim() ?? '';
  const time = /^\d{1,2}:\d{2}(?::\d{2})?$/.test(note) ? `[${note}] ` : '';
  const speakerId = matchSpeaker(label, speakers);
  // Kept in the text when it has nowhere else to go: nothing pasted is lost.
  if (speakerId !== undefined) return { speakerId, rest: (time || (note ? `(${note}) ` : '')) + rest };
  if (!looksLikeName(label)) return null;
  return { name: time && paren ? label.slice(0, paren.index) : label, rest: time + rest };
}
