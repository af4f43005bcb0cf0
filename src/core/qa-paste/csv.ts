/**
 * Form exports (Google Forms, registration tools): a header row naming a "question" column makes
 * the paste a table, one question per row. Other columns (submission time, email, company) are
 * left out on purpose: they are not Q&A and an email address does not belong in a forum post.
 */
import { matchSpeaker } from './names';
import { readAnswerMark, readQuestionMark } from './markers';
import { readMediaTime } from '../time';
import { shorten } from '../shorten';
import { t } from '../i18n';
import type { ParsedAnswer, ParsedQuestion, SpeakerRef } from './types';

/**
 * RFC 4180 rows: quoted cells may hold the delimiter, newlines and "" for a quote; blank rows are
 * left out. Lenient with hand-typed and copied tables, as Python's csv module is with
 * skipinitialspace: a quote opens a cell after spaces, text after the closing quote joins the
 * cell, a quote never closed keeps the rest. Hand-written on purpose: papaparse (tried for issue
 * 12, item 7) splits the cell in the first case, merges the rows after it in the second, and is
 * quadratic on stray quotes before spaces. "CSV and TSV exports" in test/unit/qa-paste.test.ts and
 * test/unit/qa-paste-linear.test.ts hold what a replacement must match.
 */
export function parseCsv(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  // cell.trim() === '', kept as the cell grows: asking it at every '"' re-read the cell each time.
  let blank = true;
  let quoted = false;
  const add = (c: string | undefined) => {
    cell += c;
    blank &&= c !== undefined && /\s/.test(c);
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c !== '"') add(c);
      else if (text[i + 1] === '"') add(text[++i]);
      else quoted = false;
    } else if (c === '"' && blank) {
      cell = '';
      quoted = true;
    } else if (c === delimiter || c === '\n') {
      row.push(cell);
      cell = '';
      blank = true;
      if (c === '\n') {
        rows.push(row);
        row = [];
      }
    } else {
      add(c);
    }
  }
  row.push(cell);
  rows.push(row);
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}

const find = (header: readonly string[], re: RegExp, not?: RegExp) =>
  header.findIndex((h) => re.test(h) && !(not && not.test(h)));

export function parseCsvExport(text: string, speakers: readonly SpeakerRef[]): ParsedQuestion[] | null {
  const firstLine = text.split('\n', 1)[0] ?? '';
  const delimiter = ['\t', ',', ';'].find((d) => firstLine.includes(d));
  if (delimiter === undefined) return null;
  const [rawHeader, ...rows] = parseCsv(text, delimiter);
  const header = (rawHeader ?? []).map((h) => h.trim().toLowerCase());
  // "Q: how, when, why?" is a sentence with commas, not a header.
  if (header.length < 2 || rows.length === 0 || header.some((h) => h.length > 100 || readQuestionMark(h) || readAnswerMark(h))) {
    return null;
  }
  const q = find(header, /\bquestions?\b/, /answer/);
  if (q < 0 || rows.filter((r) => r.length === header.length).length * 2 < rows.length) return null;
  const name = find(header, /^(?:(?:your|full)\s+)*name$|^(?:asked\s+by|author|from|attendee|participant|registrant|submitted\s+by|user(?:name)?)$/);
  const first = find(header, /^first\s*name$/);
  const last = find(header, /^(?:last\s*name|surname|family\s*name)$/);
  const answerCols = header.flatMap((h, i) => (i !== q && /^(?:answers?|response|reply)\b/.test(h) ? [i] : []));
  const answeredBy = find(header, /^(?:answered\s+by|answerer)$/);
  const time = find(header, /^(?:time|video\s*time|timecode|at)$/);

  const cell = (row: readonly string[], i: number) => (i < 0 ? '' : (row[i] ?? '').trim());
  return rows.flatMap((row) => {
    const question = cell(row, q);
    if (question === '') return []; // a registration with no question
    const item: ParsedQuestion = { question, answers: [] };
    const askedBy = cell(row, name) || [cell(row, first), cell(row, last)].filter(Boolean).join(' ');
    if (askedBy) item.askedBy = askedBy;
    const given = cell(row, time);
    if (given !== '') {
      // The media time rule (time.ts); a refused time is left out and the preview says why.
      const reading = readMediaTime(given);
      if (reading.ok) item.t = reading.seconds;
      else item.timeProblem = t('db_pasteTimeLeftOut', shorten(given, 40), reading.message);
    }
    const by = cell(row, answeredBy);
    for (const col of answerCols) {
      const text = cell(row, col);
      if (text === '') continue;
      const a: ParsedAnswer = { text };
      const speakerId = by ? matchSpeaker(by, speakers) : undefined;
      if (speakerId) a.speakerId = speakerId;
      else if (by) a.name = by;
      item.answers.push(a);
    }
    return [item];
  });
}
