/** Who asked and when: "(asked by Jane)", "Asked by Jane", "— Jane", "[12:34] …", "12:34 – …". */
import { endsSentence, readLeadingTime } from './markers';

export interface Attributed {
  question: string;
  askedBy?: string;
  t?: number;
}

// Greedy runs, one per gap: a line of 50,000 spaces must not make these slow.
const WHOLE_ASKED = /^\(?\s*asked by:?\s([^()?\n]+)\)?$/i;
const WHOLE_DASH = /^(?:—|–|--)([^?\n]+)$/;
const INLINE_ASKED = /\(\s*asked by:?\s([^()?\n]+)\)/i;
const ASKED_BY = /asked by:?\s/gi;
const DASH = /(?:—|–|--|-)(?=\s)/g;

/** A dash attribution is a short name, not a clause: "— Jane Doe, Acme", not "— so we tried…". */
const shortName = (s: string) =>
  s.length <= 60 &&
  s.split(/\s+/).length <= 6 &&
  /\p{L}/u.test(s) &&
  (!/^\P{L}*\p{Ll}/u.test(s) || /^(?:an?|anonymous)\b/i.test(s));

const cleanName = (s: string) => s.trim().replace(/\.$/, '').trim().replace(/^["'“‘]|["'”’]$/g, '');

/** Attribution alone on a line, so it belongs to the question above even after a blank line. */
export function isAttributionLine(line: string): boolean {
  const dash = WHOLE_DASH.exec(line);
  return WHOLE_ASKED.test(line) || (dash !== null && shortName(cleanName(dash[1] ?? '')));
}

interface Taken {
  line: string;
  askedBy: string;
}

// Names are short: only look for a trailing attribution near the end of a line.
const TAIL = 160;

/** "…? asked by Jane", "…? — Jane Doe": only after the question's own punctuation. */
function takeTrailing(line: string): Taken | null {
  const from = Math.max(0, line.length - TAIL);
  for (const asked of line.matchAll(ASKED_BY)) {
    if (asked.index < from) continue;
    const left = line.slice(0, asked.index).trimEnd().replace(/[-–—]{1,2}$/, '').trimEnd();
    const name = cleanName(line.slice(asked.index + asked[0].length));
    if (endsSentence(left) && name !== '' && !/[()?？؟]/.test(name)) return { line: left, askedBy: name };
  }
  for (const dash of line.matchAll(DASH)) {
    if (dash.index < from) continue;
    if (dash[0].length === 1 && !/\s/.test(line[dash.index - 1] ?? '')) continue; // "well-known"
    const left = line.slice(0, dash.index).trimEnd();
    const name = cleanName(line.slice(dash.index + dash[0].length));
    if (endsSentence(left) && !/[?？؟—–]/.test(name) && shortName(name)) return { line: left, askedBy: name };
  }
  return null;
}

function takeAskedBy(line: string): Taken | null {
  const whole = WHOLE_ASKED.exec(line);
  if (whole) return { line: '', askedBy: cleanName(whole[1] ?? '') };
  const dash = WHOLE_DASH.exec(line);
  if (dash && shortName(cleanName(dash[1] ?? ''))) return { line: '', askedBy: cleanName(dash[1] ?? '') };
  const inline = INLINE_ASKED.exec(line);
  if (inline) {
    const left = line.slice(0, inline.index).trimEnd();
    const right = line.slice(inline.index + inline[0].length).trimStart();
    return { line: left && right ? `${left} ${right}` : left + right, askedBy: cleanName(inline[1] ?? '') };
  }
  return takeTrailing(line);
}

/** Splits a question's text into the question, who asked it and a leading time. */
export function readAttribution(text: string): Attributed {
  const timed = readLeadingTime(text);
  const lines = (timed?.rest ?? text).split('\n');
  let askedBy: string | undefined;
  for (let i = 0; i < lines.length && askedBy === undefined; i++) {
    const taken = takeAskedBy((lines[i] ?? '').trim());
    if (taken && taken.askedBy !== '') {
      lines[i] = taken.line;
      askedBy = taken.askedBy;
    }
  }
  const question = lines.filter((l) => l.trim() !== '').join('\n').trim();
  // An attribution with no question left was the question's own text ("— Jane Doe" alone).
  if (question === '') return { question: text.trim() };
  const out: Attributed = { question };
  if (askedBy) out.askedBy = askedBy;
  if (timed) out.t = timed.t;
  return out;
}
