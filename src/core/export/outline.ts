/**
 * What a summary says, built once for the forum post, Markdown, HTML and plain text, which only
 * render it: which records, in what order, under which names, with which fallbacks. Typed text is
 * kept as typed (split into paragraphs, not escaped): escaping belongs to each format.
 *
 * The outline's own words (fallback names, the date) are in the export's language (`lang`, the
 * community's, chosen per export); the user's text is never translated. Direction: a note in Arabic
 * or Hebrew keeps its direction only where the format can say so. HTML and the handout put each
 * piece of user text in a `dir="auto"` element; Markdown, the forum post and plain text have no way
 * to carry direction, so there the reader's app decides (most take it from each paragraph's first
 * strong character, which is why every typed line starts its own paragraph or list item).
 */
import { LANGUAGES, translator, type Language, type Translator } from '../i18n';
import { linkAt } from '../links';
import type { Note, QaItem, Recording } from '../model';
import { formatTime } from '../time';
import { exportUrl } from '../web-url';
import {
  answererName, type ExportInput, exportDate, exportTitle, liveNotes, liveQa, oneLine, paragraphs,
  speakerAffiliation, speakerById, speakerDisplayName,
} from './input';

/** Typed text as paragraphs, each a list of trimmed, non-blank lines (`paragraphs` in input.ts). */
export type Paragraphs = string[][];

/** A point in the recording: its label (`12:34`) and a link there, null when the recording has none. */
export interface OutlineTime {
  label: string;
  url: string | null;
}

export interface OutlineSpeaker {
  /** On one line; "Unnamed speaker" (in the export's language) when blank. */
  name: string;
  /** "Role, Organisation" on one line, empty when neither is known. */
  affiliation: string;
  /** The handle as typed, trimmed, without leading `@`s; null when none. */
  handle: string | null;
}

export interface OutlineNote {
  at: OutlineTime;
  /** The display name of the note's speaker (as in `speakers`), null when it names none we know. */
  speaker: string | null;
  /** Empty when the note has no text. */
  text: Paragraphs;
  /**
   * What was said just before the note (its `quote`), which every format writes under the note's
   * text as a quotation; empty when the note keeps none or its quote has no words.
   */
  quote: Paragraphs;
}

export interface OutlineAnswer {
  /** Who answered, on one line (answererName: a speaker, a typed name, else "Answer"). */
  by: string;
  at: OutlineTime | null;
  /** Never empty: answers without text are left out. */
  text: Paragraphs;
}

export interface OutlineQuestion {
  at: OutlineTime | null;
  /** Never empty: "(no question text)" when none was typed. */
  question: Paragraphs;
  /** On one line, null when not known. */
  askedBy: string | null;
  /** Empty when the question is not answered. */
  answers: OutlineAnswer[];
}

/** Notes under one heading when grouped by speaker: a speaker's name, "Other notes", or none. */
export interface NoteGroup {
  heading: string | null;
  notes: OutlineNote[];
}

export interface SummaryOutline {
  /** The language of the outline's own words, which the formats write their headings in. */
  lang: Language;
  /** On one line: the webinar's title, the page's, else "Untitled recording". */
  title: string;
  /** "12 November 2026" (or the date as typed), on one line; null when none was given. */
  date: string | null;
  /** On one line, null when none was given. */
  organiser: string | null;
  /** The recording's address as exports may write it (exportUrl), null when there is none. */
  url: string | null;
  description: Paragraphs;
  /** In the order the user listed them. */
  speakers: OutlineSpeaker[];
  /** Live notes in time order (liveNotes). */
  notes: OutlineNote[];
  /**
   * The same notes by speaker, in the order of the speakers list, then the notes of no known
   * speaker under "Other notes" (no heading when no speaker has notes). Empty when there are none.
   */
  notesBySpeaker: NoteGroup[];
  /** Live questions in order (liveQa). */
  qa: OutlineQuestion[];
}

/**
 * What the outline says for a question with no words and under one nobody answered, in every
 * language: the Q&A paste (qa-paste/clean.ts) reads them back from a pasted summary as nothing typed.
 */
export function outlinePlaceholders(): string[] {
  return LANGUAGES.flatMap((lang) => [translator(lang).t('export_noQuestionText'), translator(lang).t('export_notAnswered')]);
}

function timeIn(recording: Recording, seconds: number): OutlineTime {
  return { label: formatTime(seconds), url: linkAt(recording, seconds) };
}

function noteOf(recording: Recording, note: Note, words: Translator): OutlineNote {
  const speaker = speakerById(recording, note.speakerId);
  return {
    at: timeIn(recording, note.t),
    speaker: speaker ? speakerDisplayName(speaker, words) : null,
    text: paragraphs(note.text),
    quote: paragraphs(note.quote?.text ?? ''),
  };
}

function questionOf(recording: Recording, item: QaItem, words: Translator): OutlineQuestion {
  const question = paragraphs(item.question);
  return {
    at: item.t !== undefined ? timeIn(recording, item.t) : null,
    question: question.length > 0 ? question : [[words.t('export_noQuestionText')]],
    askedBy: oneLine(item.askedBy ?? '') || null,
    answers: item.answers
      .filter((answer) => answer.text.trim())
      .map((answer) => ({
        by: oneLine(answererName(recording, answer, words)),
        at: answer.t !== undefined ? timeIn(recording, answer.t) : null,
        text: paragraphs(answer.text),
      })),
  };
}

function groupBySpeaker(recording: Recording, notes: readonly Note[], outlined: readonly OutlineNote[], words: Translator): NoteGroup[] {
  const bySpeaker = new Map<string, OutlineNote[]>();
  const others: OutlineNote[] = [];
  notes.forEach((note, i) => {
    const outline = outlined[i] as OutlineNote;
    if (note.speakerId !== undefined && speakerById(recording, note.speakerId)) {
      const own = bySpeaker.get(note.speakerId) ?? [];
      own.push(outline);
      bySpeaker.set(note.speakerId, own);
    } else others.push(outline);
  });
  const groups: NoteGroup[] = [];
  for (const speaker of recording.speakers ?? []) {
    const own = bySpeaker.get(speaker.id);
    if (own) groups.push({ heading: speakerDisplayName(speaker, words), notes: own });
  }
  if (others.length > 0) groups.push({ heading: groups.length > 0 ? words.t('export_otherNotes') : null, notes: others });
  return groups;
}

/** What the summary of `input` says, in the order every format writes it, its own words in `lang`. */
export function summaryOutline(input: ExportInput, lang: Language = 'en'): SummaryOutline {
  const { recording } = input;
  const words = translator(lang);
  const live = liveNotes(input.notes);
  const notes = live.map((note) => noteOf(recording, note, words));
  const date = exportDate(recording, lang);
  return {
    lang,
    title: oneLine(exportTitle(recording, lang)),
    date: date === null ? null : oneLine(date),
    organiser: oneLine(recording.details?.organiser ?? '') || null,
    url: exportUrl(recording.url),
    description: paragraphs(recording.details?.description ?? ''),
    speakers: (recording.speakers ?? []).map((speaker) => ({
      name: speakerDisplayName(speaker, words),
      affiliation: oneLine(speakerAffiliation(speaker)),
      handle: speaker.handle?.trim().replace(/^@+/, '') || null,
    })),
    notes,
    notesBySpeaker: groupBySpeaker(recording, live, notes, words),
    qa: liveQa(input.qa).map((item) => questionOf(recording, item, words)),
  };
}
