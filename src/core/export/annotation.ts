/**
 * The notes and Q&A as a W3C Web Annotation collection (https://www.w3.org/TR/annotation-model/,
 * JSON-LD): notes are `commenting`, questions `questioning`, answers `replying` to their question.
 * A note's quote (the caption text spoken just before it) is a second body with purpose
 * `describing`: the model's word for a body that describes the target rather than comments on it
 * (§3.3.5 of the vocabulary: "describe the Target, as opposed to a comment about them"); what was
 * said in that part of the recording is such a description. The model has no `quoting` motivation.
 * Times are Media Fragments (`t=754`, `t=754,790`) in a FragmentSelector on the recording's URL.
 *
 * Every annotation carries its own @context so it stands alone when taken out of the collection
 * (e.g. sent to an annotation server); the W3C test schemas require it of each one.
 * Ids: `urn:uuid:<note or Q&A id>` when that id is a UUID (as the extension makes them), else a
 * name-based UUID (uuid.ts), so exporting twice gives the same ids.
 */
import { mediaFragment } from '../media-fragment';
import type { Note, QaAnswer, QaItem, Quote, Recording } from '../model';
import { exportUrl } from '../web-url';
import { isTimestamp } from '../time';
import { answererName, type ExportInput, exportTitle, liveNotes, liveQa, safeTime, speakerById } from './input';
import { isUuid, NAMESPACE_URL, uuidV5 } from './uuid';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
export const MEDIA_FRAGMENTS = 'http://www.w3.org/TR/media-frags/';

export interface AnnotationOptions {
  /** The collection's IRI, e.g. `urn:uuid:…`. */
  id: string;
  /** When this export was made: an ISO 8601 date-time with a zone, e.g. `2026-11-12T10:00:00Z`. */
  generatedAt: string;
}

type Json = Record<string, unknown>;

const GENERATOR = { type: 'Software', name: 'Webinar Notes' };

/** An ISO date-time, or nothing for a date outside the date rule (time.ts), which toISOString may throw on. */
function iso(ms: number): string | undefined {
  return isTimestamp(ms) ? new Date(ms).toISOString() : undefined;
}

/** The stable id of a record: its own UUID, or one derived from the recording and the record. */
function recordIri(recording: Recording, kind: string, id: string): string {
  return `urn:uuid:${isUuid(id) ? id.toLowerCase() : uuidV5(NAMESPACE_URL, `webinar-notes:${recording.key}:${kind}:${id}`)}`;
}

/**
 * The recording's IRI: its URL in exportUrl's form (annotation clients render it as a link), else,
 * when the stored address is no web address, a name-based UUID of its key, so a target still names it.
 */
function recordingIri(recording: Recording): string {
  return exportUrl(recording.url) ?? `urn:uuid:${uuidV5(NAMESPACE_URL, `webinar-notes:${recording.key}`)}`;
}

/**
 * The recording, or the part of it from `start` (to `end`), as a target. Times that no media
 * fragment can hold (negative, NaN, an end not after the start) fall back to what is valid.
 */
function mediaTarget(recording: Recording, start?: number, end?: number): Json | string {
  if (start === undefined) return recordingIri(recording);
  const from = safeTime(start);
  let value: string;
  try {
    value = end !== undefined && Number.isFinite(end) ? mediaFragment(from, end) : mediaFragment(from);
  } catch {
    value = mediaFragment(from);
  }
  return {
    type: 'SpecificResource',
    source: recordingIri(recording),
    selector: { type: 'FragmentSelector', conformsTo: MEDIA_FRAGMENTS, value },
  };
}

function textBody(value: string, creator?: string): Json {
  const body: Json = { type: 'TextualBody', value, format: 'text/plain' };
  if (creator) body.creator = { type: 'Person', name: creator };
  return body;
}

/**
 * A quote's language as the body's `language`: the track's BCP 47 tag in canonical form (`en-US`,
 * `zh-Hans`), or undefined when it names none or is no well-formed tag (a page's player said it).
 */
function bodyLanguage(lang: string): string | undefined {
  if (!lang.trim()) return undefined;
  try {
    const [tag] = Intl.getCanonicalLocales(lang.trim());
    // The W3C model (§3.2.1) wants a two- or three-letter language first.
    return tag !== undefined && /^[a-z]{2,3}(-|$)/.test(tag) ? tag : undefined;
  } catch {
    return undefined;
  }
}

/** What was said just before a note, as a body describing the target; undefined for a blank one. */
function quoteBody(quote: Quote | undefined): Json | undefined {
  if (!quote?.text.trim()) return undefined;
  const body: Json = { ...textBody(quote.text), purpose: 'describing' };
  const language = bodyLanguage(quote.lang);
  if (language) body.language = language;
  return body;
}

function annotation(id: string, motivation: string, generatedAt: string, times: { createdAt: number; updatedAt: number }): Json {
  const anno: Json = { '@context': ANNO_CONTEXT, id, type: 'Annotation', motivation };
  const created = iso(times.createdAt);
  const modified = iso(times.updatedAt);
  if (created) anno.created = created;
  if (modified) anno.modified = modified;
  anno.generator = GENERATOR;
  anno.generated = generatedAt;
  return anno;
}

function noteAnnotation(recording: Recording, note: Note, generatedAt: string): Json {
  const anno = annotation(recordIri(recording, 'note', note.id), 'commenting', generatedAt, note);
  const speaker = speakerById(recording, note.speakerId);
  // Tags as tagging bodies, the model's way to attach keywords.
  const tags = (note.tags ?? []).filter((tag) => tag.trim()).map((tag) => ({ type: 'TextualBody', purpose: 'tagging', value: tag }));
  const comment: Json = { ...textBody(note.text), purpose: 'commenting' };
  if (speaker) comment.creator = { type: 'Person', name: speaker.name };
  const quote = quoteBody(note.quote);
  const bodies = [comment, ...(quote ? [quote] : []), ...tags];
  anno.body = bodies.length > 1 ? bodies : comment;
  anno.target = mediaTarget(recording, note.t);
  return anno;
}

function answerAnnotation(recording: Recording, item: QaItem, answer: QaAnswer, index: number, questionId: string, generatedAt: string): Json {
  const anno = annotation(
    `urn:uuid:${uuidV5(NAMESPACE_URL, `${questionId}/answer/${index}`)}`, 'replying', generatedAt, item,
  );
  const name = answererName(recording, answer);
  anno.body = textBody(answer.text, name === 'Answer' ? undefined : name);
  // The question it answers, and the part of the recording where it is given (all of it when untimed).
  anno.target = [questionId, mediaTarget(recording, answer.t, answer.end)];
  return anno;
}

function qaAnnotations(recording: Recording, item: QaItem, generatedAt: string): Json[] {
  const questionId = recordIri(recording, 'qa', item.id);
  const question = annotation(questionId, 'questioning', generatedAt, item);
  question.body = textBody(item.question, item.askedBy?.trim() || undefined);
  question.target = mediaTarget(recording, item.t);
  const answers = item.answers
    .map((answer, index) => ({ answer, index }))
    .filter(({ answer }) => answer.text.trim())
    .map(({ answer, index }) => answerAnnotation(recording, item, answer, index, questionId, generatedAt));
  return [question, ...answers];
}

/**
 * An AnnotationCollection holding every live note, question and answer in one embedded page.
 * Throws RangeError when `options.id` is not an absolute IRI or `generatedAt` is not a date-time
 * with a zone: both come from the caller, and a bad one would make every annotation invalid.
 */
export function webAnnotationCollection(input: ExportInput, options: AnnotationOptions): Json {
  if (!/^[a-z][a-z0-9+.-]*:[^\s]+$/i.test(options.id)) throw new RangeError(`Not an IRI: ${options.id}`);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(options.generatedAt) || Number.isNaN(Date.parse(options.generatedAt))) {
    throw new RangeError(`Not a date-time with a zone: ${options.generatedAt}`);
  }
  const { recording } = input;
  const items = [
    ...liveNotes(input.notes).map((note) => noteAnnotation(recording, note, options.generatedAt)),
    ...liveQa(input.qa).flatMap((item) => qaAnnotations(recording, item, options.generatedAt)),
  ];
  const collection: Json = {
    '@context': ANNO_CONTEXT,
    id: options.id,
    type: 'AnnotationCollection',
    label: exportTitle(recording),
    total: items.length,
    generator: GENERATOR,
    created: options.generatedAt,
  };
  // The model requires `first` only when there is something in it; an empty page is not allowed.
  if (items.length > 0) {
    collection.first = {
      id: `urn:uuid:${uuidV5(NAMESPACE_URL, `${options.id}/page/1`)}`,
      type: 'AnnotationPage',
      partOf: options.id,
      startIndex: 0,
      items,
    };
  }
  return collection;
}
