/** Line-start markers: "Q:", "A (Jane):", "1.", "[12:34]". Each reader returns null when absent. */
import { parseTime } from '../time';

const CLOCK = String.raw`\d{1,2}:\d{2}(?::\d{2})?`;
// "[12:34]", "(12:34)", "12:34 –", or "12:34 " as our summary export writes it without links.
const LEADING_TIME = new RegExp(String.raw`^(?:\[(${CLOCK})\]|\((${CLOCK})\)|(${CLOCK})(?:\s+[-–—])?(?=\s|$))\s*`);

export function readLeadingTime(line: string): { t: number; rest: string } | null {
  const m = LEADING_TIME.exec(line);
  if (!m) return null;
  const t = parseTime(m[1] ?? m[2] ?? m[3] ?? '');
  return t === null ? null : { t, rest: line.slice(m[0].length) };
}

const SEP = String.raw`(?:([:.)])|[-–—](?=\s))\s*`;
// One \s* per gap (never two in a row), so a line of spaces cannot make the match slow.
const Q_MARK = new RegExp(String.raw`^(q|question)(?:\s*(?:#\s?)?(\d{1,4}))?(?:\s*\(([^()\n]{1,60})\))?\s*${SEP}`, 'i');
const A_MARK = new RegExp(String.raw`^(a|ans|answer)(?:\s*(?:#\s?)?(\d{1,4}))?(?:\s*\(([^()\n]{1,60})\))?\s*${SEP}`, 'i');
const NUMBERED = /^(?:#\s?(\d{1,4})[:.)]?|(\d{1,4})[.)])\s+(?=\S)/;

export interface Marked {
  rest: string;
  /** The name in "A (Jane Doe): …" or "Q (Jane): …". */
  label?: string;
  t?: number;
}

function readMark(re: RegExp, line: string): Marked | null {
  const m = re.exec(line);
  if (!m) return null;
  const word = m[1] ?? '';
  const sep = m[4];
  // "a) first option" and "a. b. c." lists are common in answers; only "A:" / "A." / "A)" count.
  if (word.length === 1 && sep !== ':' && word === word.toLowerCase()) return null;
  const marked: Marked = { rest: line.slice(m[0].length) };
  if (m[3] !== undefined) marked.label = m[3].trim();
  return marked;
}

/** "Q: …", "Question 3: …", "Q1. …", optionally after "[12:34]" or a list number ("1. Q: …"). */
export function readQuestionMark(line: string): Marked | null {
  const timed = readLeadingTime(line);
  const body = (timed?.rest ?? line).replace(NUMBERED, '');
  const marked = readMark(Q_MARK, body);
  if (!marked) return null;
  if (timed) marked.t = timed.t;
  return marked;
}

/** "A: …", "Answer: …", "A2: …", "A (Jane): …". */
export function readAnswerMark(line: string): Marked | null {
  return readMark(A_MARK, line);
}

/** "1. …", "1) …", "#1 …": the number and the text after it. */
export function readNumbered(line: string): { n: number; rest: string } | null {
  const m = NUMBERED.exec(line);
  if (!m) return null;
  return { n: Number(m[1] ?? m[2]), rest: line.slice(m[0].length) };
}

/** Emoji and spaces people put after a question mark ("Will it be shared? 🙏"). */
const AFTER_MARK = String.raw`[\s\p{Extended_Pictographic}\u{FE0F}\u{200D}\p{EMod}]*`;
const DECORATION = /[\s\p{Extended_Pictographic}\u{FE0F}\u{200D}\p{EMod}]/u;

/** "?", the full-width "？" of CJK text and the Arabic "؟". */
export const hasQuestionMark = (s: string) => /[?？؟]/.test(s);

/** True when `text` ends a sentence ("?", "!", "." or ")"), emoji and spaces after it aside. */
export function endsSentence(text: string): boolean {
  // Walks back from the end (by code point) rather than copying a long line.
  let i = text.length;
  while (i > 0) {
    const start = i >= 2 && /[\uDC00-\uDFFF]/.test(text[i - 1] ?? '') ? i - 2 : i - 1;
    const char = text.slice(start, i);
    if (!DECORATION.test(char)) return /[?？؟!.)]/.test(char);
    i = start;
  }
  return false;
}

// No \s* right after a run that can hold spaces: backtracking stays linear on long lines.
const ENDS_QUESTION = new RegExp(String.raw`[?？؟]["'”’)\]]*${AFTER_MARK}(?:\([^()]*\)${AFTER_MARK})?$`, 'u');
const ENDS_QUESTION_ASKED = /[?？؟]\s*(?:[-–—]{1,2}|asked by)\s[^?？؟]*$/i;

/** True when the line ends a question: "…?" possibly followed by emoji or an attribution. */
export function endsWithQuestionMark(line: string): boolean {
  return ENDS_QUESTION.test(line) || ENDS_QUESTION_ASKED.test(line);
}
