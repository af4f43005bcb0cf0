/** Answer lines: "A: …", "Name: …", and the plain lines and paragraphs that continue them. */
import { matchSpeaker, readSpeakerLine } from './names';
import { readAnswerMark, readLeadingTime } from './markers';
import type { ParsedAnswer, SpeakerRef } from './types';

/** The answer a line starts, or null when it is not labelled as one. */
export function readAnswerStart(line: string, speakers: readonly SpeakerRef[]): ParsedAnswer | null {
  const marked = readAnswerMark(line);
  if (marked) {
    if (marked.label === undefined) {
      // "A: Jane: yes" names the speaker after the marker.
      const named = readSpeakerLine(marked.rest, speakers);
      return named ? answer(named.rest, named.speakerId, named.name) : answer(marked.rest);
    }
    // "A (12:40):" is when, not who: kept in the text, as ParsedAnswer has no time.
    if (readLeadingTime(`[${marked.label}]`)) return answer(`[${marked.label}] ${marked.rest}`);
    const speakerId = matchSpeaker(marked.label, speakers);
    return speakerId ? answer(marked.rest, speakerId) : answer(marked.rest, undefined, marked.label);
  }
  const named = readSpeakerLine(line, speakers);
  return named ? answer(named.rest, named.speakerId, named.name) : null;
}

function answer(text: string, speakerId?: string, name?: string): ParsedAnswer {
  const a: ParsedAnswer = { text: text.trim() };
  if (speakerId !== undefined) a.speakerId = speakerId;
  else if (name !== undefined) a.name = name;
  return a;
}

/**
 * Reads answer lines into `answers` (appended in place, and returned). Plain lines continue the
 * answer before them (the last one already in `answers` when `continuing`), or start an
 * unlabelled answer.
 */
export function readAnswers(
  lines: readonly string[],
  speakers: readonly SpeakerRef[],
  answers: ParsedAnswer[] = [],
  continuing = false,
): ParsedAnswer[] {
  const known = answers.length;
  let current = continuing ? answers[answers.length - 1] : undefined;
  let gap = continuing;
  for (const line of lines) {
    if (line === '') {
      gap = current !== undefined;
      continue;
    }
    const started = readAnswerStart(line, speakers);
    if (started) {
      current = started;
      answers.push(started);
    } else if (!current) {
      current = { text: line };
      answers.push(current);
    } else {
      current.text += current.text === '' ? line : (gap ? '\n\n' : '\n') + line;
    }
    gap = false;
  }
  // An empty "A:" says nothing; an empty "Jane:" still says who answered. Only the answers read
  // now are sifted, in place: a long thread is read a paragraph at a time into the same list.
  let kept = known;
  for (let k = known; k < answers.length; k++) {
    const a = answers[k] as ParsedAnswer;
    if (a.text !== '' || a.name !== undefined || a.speakerId !== undefined) answers[kept++] = a;
  }
  answers.length = kept;
  return answers;
}
