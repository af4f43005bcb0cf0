/** Splits cleaned lines into questions: marker blocks ("Q:" or "1.") or plain paragraphs. */
import { readAnswers, readAnswerStart } from './answers';
import { isAttributionLine, readAttribution } from './attribution';
import type { CleanLine } from './clean';
import { endsWithQuestionMark, hasQuestionMark, readAnswerMark, readLeadingTime, readNumbered, readQuestionMark } from './markers';
import type { ParsedAnswer, ParsedQuestion, SpeakerRef } from './types';

interface Starter {
  index: number;
  rest: string;
  t?: number;
  askedBy?: string;
}

/**
 * "Q:" lines if there are any, else "1.", "2.", … in sequence. A list inside an answer restarts
 * its own numbering ("1. install", "2. configure"): its items are not questions until a blank line.
 */
function findStarters(lines: readonly CleanLine[]): Starter[] {
  const starters: Starter[] = [];
  lines.forEach((line, index) => {
    const q = readQuestionMark(line.text);
    if (!q) return;
    const s: Starter = { index, rest: q.rest };
    const labelTime = q.label === undefined ? null : readLeadingTime(`[${q.label}]`); // "Q (12:34):"
    if (q.t !== undefined || labelTime) s.t = q.t ?? labelTime?.t;
    if (q.label !== undefined && !labelTime) s.askedBy = q.label; // "Q (Jane):"
    starters.push(s);
  });
  if (starters.length > 0) return starters;
  let expected: number | undefined;
  let inner: number | undefined; // the next number of an answer's own list while its lines run on
  lines.forEach((line, index) => {
    if (line.text === '') inner = undefined;
    const numbered = line.indented ? null : readNumbered(line.text);
    if (!numbered) return;
    if (inner !== undefined && numbered.n === inner) inner++;
    else if (expected === undefined || numbered.n === expected) {
      starters.push({ index, rest: numbered.rest });
      expected = numbered.n + 1;
      inner = undefined;
    } else inner = numbered.n + 1;
  });
  return starters;
}

function question(text: string, answers: ParsedAnswer[], given: Partial<ParsedQuestion> = {}): ParsedQuestion {
  const read = readAttribution(text);
  const askedBy = given.askedBy ?? read.askedBy;
  const t = given.t ?? read.t;
  return {
    question: read.question,
    ...(askedBy !== undefined && { askedBy }),
    ...(t !== undefined && { t }),
    answers,
    ...(given.unsplit && { unsplit: true }),
  };
}

/** One "Q:"/"1." block: the question runs to a blank line, an answer label, or its "?". */
function parseBlock(starter: Starter, body: readonly string[], speakers: readonly SpeakerRef[]): ParsedQuestion {
  const lines = starter.rest.trim() === '' ? [] : [starter.rest];
  // With no labelled answer anywhere, "?" ends the question and what follows answers it.
  const labelled = body.some((l) => readAnswerStart(l, speakers) !== null);
  let i = 0;
  for (; i < body.length; i++) {
    const text = body[i] ?? '';
    if (text === '') {
      // cleanText leaves no two blank lines in a row, so this looks one line ahead, not to the end.
      let j = i + 1;
      while (body[j] === '') j++;
      const next = body[j];
      if (lines.length > 0 && !(next !== undefined && isAttributionLine(next))) break;
      continue;
    }
    if (readAnswerStart(text, speakers)) break;
    const last = lines[lines.length - 1];
    if (!labelled && last !== undefined && endsWithQuestionMark(last) && !isAttributionLine(text)) break;
    lines.push(text);
  }
  const answers = readAnswers(body.slice(i), speakers);
  const given: Partial<ParsedQuestion> = { unsplit: lines.length === 0 };
  if (starter.t !== undefined) given.t = starter.t;
  if (starter.askedBy !== undefined) given.askedBy = starter.askedBy;
  return question(lines.join('\n'), answers, given);
}

/** Question lines of one paragraph: a new question after each line ending in "?" or at a "[12:34]". */
function groupQuestions(lines: readonly string[]): string[][] {
  const groups: string[][] = [];
  let closed = true;
  for (const line of lines) {
    const last = groups[groups.length - 1];
    if (last && (isAttributionLine(line) || (!closed && readLeadingTime(line) === null))) last.push(line);
    else groups.push([line]);
    if (!isAttributionLine(line)) closed = endsWithQuestionMark(line);
  }
  // Lines after the last "?" are its context ("I tried X."), not a question of their own.
  const tail = groups[groups.length - 1];
  const prev = groups[groups.length - 2];
  if (tail && prev && !tail.some(hasQuestionMark) && readLeadingTime(tail[0] ?? '') === null) {
    prev.push(...(groups.pop() ?? []));
  }
  return groups;
}

function splitParagraphs(lines: readonly CleanLine[]): string[][] {
  const paragraphs: string[][] = [[]];
  for (const { text } of lines) {
    if (text !== '') paragraphs[paragraphs.length - 1]?.push(text);
    else if ((paragraphs[paragraphs.length - 1]?.length ?? 0) > 0) paragraphs.push([]);
  }
  return paragraphs.filter((p) => p.length > 0);
}

/** Text with no question markers: question paragraphs, each followed by "Name: answer" ones. */
function parseParagraphs(lines: readonly CleanLine[], speakers: readonly SpeakerRef[]): ParsedQuestion[] {
  const out: ParsedQuestion[] = [];
  for (const para of splitParagraphs(lines)) {
    const current = out[out.length - 1];
    const first = para[0] ?? '';
    const startsAnswer = readAnswerStart(first, speakers);
    if (current && startsAnswer) {
      current.answers = readAnswers(para, speakers, current.answers);
      continue;
    }
    if (current && current.answers.length > 0 && !para.some(hasQuestionMark)) {
      current.answers = readAnswers(para, speakers, current.answers, true); // a further paragraph
      continue;
    }
    if (!current && readAnswerMark(first)) {
      out.push({ question: para.join('\n'), answers: [], unsplit: true }); // an answer to nothing
      continue;
    }
    const split = para.findIndex((l, k) => k > 0 && readAnswerStart(l, speakers) !== null);
    const groups = groupQuestions(split < 0 ? para : para.slice(0, split));
    for (const group of groups) out.push(question(group.join('\n'), []));
    const asked = out[out.length - 1];
    if (split >= 0 && asked) asked.answers = readAnswers(para.slice(split), speakers);
    // Nothing marks these as questions: keep them, flagged for the user to check.
    for (const q of out.slice(out.length - groups.length)) {
      if (!hasQuestionMark(q.question) && q.t === undefined && q.askedBy === undefined && q.answers.length === 0) {
        q.unsplit = true;
      }
    }
  }
  return out;
}

export function parseLines(lines: readonly CleanLine[], speakers: readonly SpeakerRef[]): ParsedQuestion[] {
  const starters = findStarters(lines);
  const first = starters[0];
  if (!first) return parseParagraphs(lines, speakers);
  const out = parseParagraphs(lines.slice(0, first.index), speakers); // a heading or bare questions
  starters.forEach((starter, k) => {
    const end = starters[k + 1]?.index ?? lines.length;
    const body = lines.slice(starter.index + 1, end).map((l) => l.text);
    out.push(parseBlock(starter, body, speakers));
  });
  return out;
}
