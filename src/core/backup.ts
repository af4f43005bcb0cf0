/**
 * The JSON backup: what a file holds, how it is checked before anything is written, and how it is
 * merged into what the database already has. Pure: src/db/backup.ts does the reading and writing.
 *
 * Drafts and settings are not in a backup: they are device-local (a half-typed note and this
 * browser's preferences), and restoring them on another device would overwrite what is there.
 */
import * as v from 'valibot';
import { CAPTION_SOURCES, type Author, type Note, type QaItem, type Quote, type Recording, type RecordingImage, type Transcript } from './model';
import { base64Length, base64ToBytes } from './base64';
import { IMAGE_TYPES, imageTypeOfBytes, MAX_FRAME_BYTES, MAX_FRAME_SIDE, THUMB_SIDE, type ImageType } from './images';
import { adjustTranscripts } from './backup-captions';
import { withinChars } from './captions/limits';
import { quoteProblem } from './captions/quote';
import { MAX_CUE_CHARS, MAX_CUES, MAX_NAME_CHARS, MAX_QUOTE_CHARS } from './captions/limits';
import { mergeTranscripts } from './captions/transcript-merge';
import { MAX_NOTE_LENGTH } from './notes';
import { sameContent, sameValues, withChanges } from './field-times';
import { mergeNote, mergeQaItem, mergeRecording } from './record-merge';
import { adjustToRules } from './backup-adjust';
import { shorten } from './shorten';
import { SITE_IDS } from './sites';
import { decodeTextFile } from './text-file';
import { isMediaTime, isTimestamp, MAX_MEDIA_SECONDS, spanProblem } from './time';
import { plural, t, type MessageKey, type Substitution } from './i18n';
import { firstFew, kindName, recordPlace } from './backup-words';

export const BACKUP_FORMAT = 'webinar-notes-backup';
/**
 * Raise when a file made by the new code could be misread by the old: the old one then refuses it.
 * 2: records carry per-field edit times (`fieldsUpdatedAt`). Version 1 read the file whole-record,
 * newest `updatedAt` winning, and would drop what the other copy had; version-1 files still import.
 * 3: notes carry their `quote`, and the file a `transcripts` list; version 2 would drop both
 * silently. Files of versions 1 and 2 (no transcripts) still import.
 * 4: the file may carry the recordings' pictures (`images`, their bytes as base64); version 3 would
 * drop them silently. Files of versions 1 to 3 (no pictures) still import.
 */
export const BACKUP_VERSION = 4;
/** The first version whose files may carry pictures: an `images` list in an older one is not read. */
const IMAGES_SINCE = 4;
/** More problems than this are counted, not listed: nobody reads the 500th. */
const MAX_LISTED_PROBLEMS = 5;

export interface BackupData {
  recordings: Recording[];
  notes: Note[];
  qa: QaItem[];
  /** Absent: none (files before version 3 have none). */
  transcripts?: Transcript[];
  /** Absent: a backup made without pictures (and every file before version 4). */
  images?: BackupImage[];
}
export interface Backup extends BackupData {
  transcripts: Transcript[];
  format: typeof BACKUP_FORMAT;
  version: number;
  /** ISO timestamp. */
  exportedAt: string;
}

export function makeBackup(data: BackupData, exportedAt: Date): Backup {
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: exportedAt.toISOString(), ...data, transcripts: data.transcripts ?? [] };
}

/**
 * A picture (model.ts `RecordingImage`) as a backup file holds it: its facts, and its picture and
 * thumbnail as base64 (RFC 4648 §4) with their types. `bytes` is not kept: it is their length.
 */
export interface BackupImage extends Omit<RecordingImage, 'blob' | 'thumb' | 'bytes'> {
  /** The picture's bytes, base64. */
  data: string;
  /** The thumbnail's bytes, base64, and their type. */
  thumb: string;
  thumbType: ImageType;
}

/** What one picture's facts take in a backup file written with `JSON.stringify(backup, null, 2)`, about (its base64 aside). */
const IMAGE_ENTRY_CHARS = 520;

/**
 * How many more bytes a backup takes with `count` pictures of `bytes` bytes in all (pictures and
 * thumbnails): their base64 (4 characters for 3 bytes) and their facts. For the choice the
 * library offers before the file is made; within a few hundred bytes a picture.
 */
export function imagesBackupSize(count: number, bytes: number): number {
  return Math.ceil((bytes * 4) / 3) + count * IMAGE_ENTRY_CHARS;
}

/** A picture's facts, its bytes left out: what a sync file lists of each picture (core/sync/images.ts); `author` only in a team folder. */
export interface ImageFacts extends Omit<BackupImage, 'data' | 'thumb'> {
  author?: Author;
}

/** A picture of a backup read back: its facts, its bytes and its thumbnail's, checked (parseBackup). */
export interface ImportedImage extends Omit<BackupImage, 'data' | 'thumb'> {
  data: Uint8Array;
  thumb: Uint8Array;
}

/** A picture and its thumbnail (their bytes) as a backup holds them. */
export function backupImage(image: Omit<RecordingImage, 'blob' | 'thumb' | 'bytes'>, data: string, thumb: string, thumbType: ImageType): BackupImage {
  const { id, recordingKey, kind, t, noteId, type, width, height, thumbWidth, thumbHeight, hash, createdAt, updatedAt } = image;
  return {
    id, recordingKey, kind, t, ...(noteId !== undefined ? { noteId } : {}), type, width, height, data,
    thumbType, thumbWidth, thumbHeight, thumb, ...(hash !== undefined ? { hash } : {}), createdAt, updatedAt,
  };
}

// ─── Record schemas. Messages complete "<field> …"; `v.object` drops fields it does not know. ───

/** A schema's message, read in the pages' language when an issue is made (valibot takes a function). */
const say = (key: MessageKey, ...substitutions: Substitution[]) => () => t(key, ...substitutions);
/** "must be "a", "b" or "c"": the values as the file writes them. */
const oneOf = (values: readonly string[]) =>
  say('backup_mustBeOneOf', values.slice(0, -1).map((value) => `"${value}"`).join(', '), `"${values.at(-1)}"`);

// The one rule for each (time.ts), as for every other way a time or date comes in.
const SECONDS = say('backup_mustBeMediaTime', MAX_MEDIA_SECONDS);
const seconds = v.pipe(v.number(SECONDS), v.check((n: number) => isMediaTime(n), SECONDS));
const TIMESTAMP = say('backup_mustBeTimestamp');
const timestamp = v.pipe(v.number(TIMESTAMP), v.check((n: number) => isTimestamp(n), TIMESTAMP));
const text = v.string(say('backup_mustBeText'));
const id = v.pipe(v.string(say('backup_mustBeText')), v.minLength(1, say('backup_mustNotBeEmpty')));
const atMostChars = (max: number) => say('backup_mustBeAtMostChars', max);
const longText = v.pipe(text, v.maxLength(MAX_NOTE_LENGTH, atMostChars(MAX_NOTE_LENGTH)));
const list = <T extends v.GenericSchema>(item: T) => v.array(item, say('backup_mustBeList'));
const record = <T extends v.ObjectEntries>(entries: T) => v.object(entries, say('backup_mustBeObject'));
/** Per-field edit times: absent from version-1 files, and from records never edited since. */
const fieldsUpdatedAt = v.optional(v.record(v.string(), timestamp, say('backup_mustBeObject')));

const Speaker = record({ id, name: text, role: v.optional(text), org: v.optional(text), handle: v.optional(text), fieldsUpdatedAt });
const RecordingSchema = record({
  key: id,
  site: v.picklist(SITE_IDS, oneOf(SITE_IDS)),
  url: text,
  title: text,
  duration: v.optional(seconds),
  details: v.optional(
    record({ title: v.optional(text), date: v.optional(text), description: v.optional(text), organiser: v.optional(text) }),
  ),
  speakers: v.optional(list(Speaker)),
  createdAt: timestamp,
  updatedAt: timestamp,
  fieldsUpdatedAt,
});
/** Text of at most `max` characters (code points, as captions/limits.ts counts them). */
const captionText = (max: number) =>
  v.pipe(text, v.check((value: string) => withinChars(value, max), atMostChars(max)));
const source = v.picklist(CAPTION_SOURCES, oneOf(CAPTION_SOURCES));
// Shapes here; the rule of what a quote may hold is the panel's (quoteProblem), said in its words.
const QuoteSchema = v.pipe(
  record({ text: captionText(MAX_QUOTE_CHARS), start: seconds, end: seconds, source, lang: captionText(MAX_NAME_CHARS) }),
  v.rawCheck(({ dataset, addIssue }) => {
    // Only a quote of the right shape is asked; a wrong shape is said above, field by field.
    if (dataset.issues) return;
    const problem = quoteProblem(dataset.value as Quote);
    if (problem) addIssue({ message: t('backup_isRefused', problem) });
  }),
);
// Cue text, voices and labels past their limit were cut before this check (backup-captions.ts).
const CueSchema = record({ start: seconds, end: seconds, text: captionText(MAX_CUE_CHARS), voice: v.optional(captionText(MAX_NAME_CHARS)) });
const TranscriptSchema = record({
  recordingKey: id,
  lang: captionText(MAX_NAME_CHARS),
  label: v.optional(captionText(MAX_NAME_CHARS)),
  source,
  complete: v.boolean(say('backup_mustBeBoolean')),
  cues: v.pipe(list(CueSchema), v.maxLength(MAX_CUES, say('backup_mustHoldAtMostCues', MAX_CUES))),
  updatedAt: timestamp,
});
// A team folder's author (core/sync/team.ts): the id is derived from the name, so both are checked.
const AuthorSchema = record({
  id: v.pipe(v.string('must be text'), v.regex(/^[0-9a-f]{16}$/, 'must be 16 lower-case hex digits')),
  name: v.pipe(text, v.check((name: string) => name.trim() !== '' && [...name].length <= 60, 'must be a name of 1 to 60 characters')),
});
const NoteSchema = record({
  id,
  recordingKey: id,
  t: seconds,
  text: longText,
  speakerId: v.optional(id),
  qaIds: v.optional(list(id)),
  tags: v.optional(list(text)),
  quote: v.optional(QuoteSchema),
  createdAt: timestamp,
  updatedAt: timestamp,
  fieldsUpdatedAt,
  deletedAt: v.optional(timestamp),
  author: v.optional(AuthorSchema),
});
const Answer = record({ speakerId: v.optional(id), name: v.optional(text), text: longText, t: v.optional(seconds), end: v.optional(seconds) });
const QaSchema = record({
  id,
  recordingKey: id,
  question: longText,
  askedBy: v.optional(text),
  t: v.optional(seconds),
  answers: list(Answer),
  createdAt: timestamp,
  updatedAt: timestamp,
  fieldsUpdatedAt,
  deletedAt: v.optional(timestamp),
  author: v.optional(AuthorSchema),
});
const side = (max: number) => {
  // Written as digits, as the limit appears in the file's own numbers.
  const rule = say('backup_mustBePixels', String(max));
  return v.pipe(v.number(rule), v.check((n: number) => Number.isInteger(n) && n >= 1 && n <= max, rule));
};
const imageType = v.picklist(IMAGE_TYPES, oneOf(IMAGE_TYPES));
const ImageSchema = record({
  id,
  recordingKey: id,
  kind: v.picklist(['frame', 'slide'], oneOf(['frame', 'slide'])),
  t: seconds,
  noteId: v.optional(id),
  type: imageType,
  width: side(MAX_FRAME_SIDE),
  height: side(MAX_FRAME_SIDE),
  data: text,
  thumbType: imageType,
  thumbWidth: side(THUMB_SIDE),
  thumbHeight: side(THUMB_SIDE),
  thumb: text,
  hash: v.optional(v.pipe(text, v.regex(/^[0-9a-f]{16}$/, say('backup_mustBeHash')))),
  createdAt: timestamp,
  updatedAt: timestamp,
});

/** A picture's facts without its bytes (sync files list them), with a team folder's author. */
const ImageFactsSchema = v.object({ ...v.omit(ImageSchema, ['data', 'thumb']).entries, author: v.optional(AuthorSchema) }, say('backup_mustBeObject'));

const Body = v.object({
  exportedAt: v.pipe(v.string(say('backup_mustBeDate')), v.isoTimestamp(say('backup_mustBeIsoDate'))),
  recordings: list(RecordingSchema),
  notes: list(NoteSchema),
  qa: list(QaSchema),
  transcripts: v.optional(list(TranscriptSchema), []),
  // Each picture is checked on its own (readImages): a damaged one is left out, not the file.
  images: v.optional(list(v.unknown()), []),
});

// ─── Messages that say what and where: "note 12 (id abc), tag 2: must be text". ───

/** The field that names a top-level record in a message. */
const ID_FIELDS: Record<string, string> = { recordings: 'key', transcripts: 'lang' };

function describeIssue(issue: v.BaseIssue<unknown>): string {
  const path = issue.path ?? [];
  const parts: string[] = [];
  let field = '';
  path.forEach((item, i) => {
    const next = path[i + 1];
    if (typeof item.key === 'number') return;
    if (typeof next?.key === 'number') {
      // A top-level record is also named by its id, which is what a user can search the file for.
      const idField = ID_FIELDS[String(item.key)] ?? 'id';
      const ident = i === 0 ? (next.value as Record<string, unknown> | null)?.[idField] : undefined;
      parts.push(recordPlace(kindName(String(item.key)), next.key, idField, ident));
    } else field = field ? `${field}.${String(item.key)}` : String(item.key);
  });
  const missing = path.at(-1)?.origin === 'key' && issue.type === 'object';
  const what = `${field ? `${field} ` : ''}${missing ? t('backup_isMissing') : issue.message}`;
  return parts.length ? `${parts.join(', ')}: ${what}` : what;
}

/**
 * Problems a schema cannot see: references to records that are not in the file, ids used twice
 * (records, and speakers within a recording: a note naming that id could mean either person), an
 * answer that ends before it starts (the panel never records one, so the file was edited by hand,
 * and no export could write it). A note's link to a speaker or question is no problem here: the
 * database may have it, so the merge decides (mergePlan).
 */
function crossCheck(body: v.InferOutput<typeof Body>): string[] {
  const problems: string[] = [];
  /** `idName` is the id's field (key, id), or null for a transcript, named by its recording and language. */
  const seen = (collection: string, keys: string[], idName: string | null, within = '') => {
    const first = new Map<string, number>();
    const kind = kindName(collection);
    keys.forEach((key, i) => {
      const earlier = first.get(key);
      if (earlier === undefined) first.set(key, i);
      else {
        const item = within + recordPlace(kind, i, idName ?? t('backup_recordingAndLanguage'), key);
        const other = recordPlace(kind, earlier);
        problems.push(idName ? t('backup_sameIdAs', item, idName, other) : t('backup_sameTranscriptAs', item, other));
      }
    });
    return first;
  };
  const recordings = seen('recordings', body.recordings.map((r) => r.key), 'key');
  seen('notes', body.notes.map((n) => n.id), 'id');
  seen('qa', body.qa.map((q) => q.id), 'id');
  const notInFile = (place: string, recordingKey: string) => `${place}: ${t('backup_recordingNotInFile', shorten(recordingKey, 80))}`;
  const dangling = (collection: string, items: { id: string; recordingKey: string }[]) =>
    items.forEach((item, i) => {
      if (!recordings.has(item.recordingKey)) problems.push(notInFile(recordPlace(kindName(collection), i, 'id', item.id), item.recordingKey));
    });
  dangling('notes', body.notes);
  dangling('qa', body.qa);
  // One transcript per recording and language, as the database keys them.
  seen('transcripts', body.transcripts.map((t) => JSON.stringify([t.recordingKey, t.lang])), null);
  body.transcripts.forEach((transcript, i) => {
    if (!recordings.has(transcript.recordingKey)) {
      problems.push(notInFile(recordPlace(kindName('transcripts'), i, 'lang', transcript.lang), transcript.recordingKey));
    }
  });
  body.recordings.forEach((recording, i) =>
    seen('speakers', (recording.speakers ?? []).map((speaker) => speaker.id), 'id', `${recordPlace(kindName('recordings'), i, 'key', recording.key)}, `),
  );
  body.qa.forEach((item, i) =>
    item.answers.forEach((answer, j) => {
      const problem = spanProblem(answer.t, answer.end);
      if (problem) problems.push(`${recordPlace(kindName('qa'), i, 'id', item.id)}, ${recordPlace(kindName('answers'), j)}: ${problem}`);
    }),
  );
  return problems;
}

/** What a JSON file that is not a backup looks like, so the message can name it. */
function lookalike(value: unknown): string {
  if (Array.isArray(value)) return t('backup_looksList');
  if (typeof value !== 'object' || value === null) return t('backup_looksValue', value === null ? 'null' : typeof value);
  const o = value as Record<string, unknown>;
  const context = JSON.stringify(o['@context'] ?? '');
  if (context.includes('w3.org/ns/anno') || o.type === 'Annotation' || o.type === 'AnnotationCollection') {
    return t('backup_looksAnnotation');
  }
  if ('manifest_version' in o) return t('backup_looksManifest');
  if ('name' in o && ('dependencies' in o || 'devDependencies' in o || 'scripts' in o)) return t('backup_looksPackageJson');
  if (typeof o.format === 'string') return t('backup_looksFormat', shorten(o.format, 80));
  return t('backup_looksNoMarker', BACKUP_FORMAT);
}

/**
 * A backup read, with `adjusted`: the times and dates it held that versions before the rules
 * allowed, brought within them (backup-adjust.ts), one line each naming the record; and
 * `captionFixes`: what its transcripts held past the caption limits, fixed (backup-captions.ts).
 */
export type ParseResult =
  | {
      ok: true;
      /** The file's records; its pictures are in `images`, checked. */
      backup: Backup;
      adjusted: string[];
      captionFixes: string[];
      /** The file's pictures that passed every check, their bytes decoded. */
      images: ImportedImage[];
      /** The pictures left out, one line each naming the picture and why (readImages). */
      imageProblems: string[];
    }
  | { ok: false; message: string };

/**
 * readBackup's result: a refusal also says why alone, without "Nothing was changed." (`reason`, as
 * a sync file's problem names it), and whether a newer version of the extension wrote the file.
 */
export type BackupReading = Exclude<ParseResult, { ok: false }> | { ok: false; message: string; reason: string; newer?: boolean };

/** A refusal before any record is read: `reason`, then that nothing was changed. */
function refused(reason: string, newer = false): { ok: false; message: string; reason: string; newer?: boolean } {
  return { ok: false, message: t('backup_nothingChanged', reason), reason, ...(newer ? { newer } : {}) };
}

const NAMED: Record<ImageType, string> = { 'image/webp': 'WebP', 'image/jpeg': 'JPEG' };

/** The bytes of one base64 field of a picture, or why they cannot be stored. */
function imageBytes(encoded: string, type: ImageType, part: 'picture' | 'thumbnail'): Uint8Array | string {
  const what = t(part === 'picture' ? 'backup_partPicture' : 'backup_partThumbnail');
  // Refused before decoding: a damaged or hostile file could hold a gigabyte here.
  if (encoded.length > base64Length(MAX_FRAME_BYTES)) return t('backup_partTooLarge', what, MAX_FRAME_BYTES);
  const bytes = base64ToBytes(encoded);
  if (bytes === null) return t('backup_partNotBase64', what);
  if (bytes.length === 0) return t('backup_partEmpty', what);
  const actual = imageTypeOfBytes(bytes);
  if (actual === null) return t('backup_partNotPicture', what);
  if (actual !== type) return t('backup_partWrongType', what, NAMED[actual], NAMED[type]);
  return bytes;
}

/** A picture's first problem as "field message" ("width must be …", "data is missing"). */
function firstIssue(issues: readonly v.BaseIssue<unknown>[]): string {
  const issue = issues[0]!;
  const field = (issue.path ?? []).map((step) => String(step.key)).join('.');
  const missing = issue.path?.at(-1)?.origin === 'key' && issue.type === 'object';
  return `${field ? `${field} ` : ''}${missing ? t('backup_isMissing') : issue.message}`;
}

/**
 * A picture's facts as a sync file lists them (core/sync/images.ts): a backup picture's fields
 * without its bytes, and in a team folder its author. Null for anything else.
 */
export function readImageFacts(item: unknown): ImageFacts | null {
  const parsed = v.safeParse(ImageFactsSchema, item);
  return parsed.success ? parsed.output : null;
}

/**
 * One picture as a backup holds it (BackupImage), checked as an import checks each: its fields and
 * its picture and thumbnail bytes (the WebP or JPEG their types say). Sync's picture files are
 * this form (core/sync/images.ts). A string says what is wrong.
 */
export function readBackupImage(item: unknown): ImportedImage | string {
  const parsed = v.safeParse(ImageSchema, item);
  if (!parsed.success) return firstIssue(parsed.issues);
  const image = parsed.output;
  const data = imageBytes(image.data, image.type, 'picture');
  if (typeof data === 'string') return data;
  const thumb = imageBytes(image.thumb, image.thumbType, 'thumbnail');
  if (typeof thumb === 'string') return thumb;
  return { ...image, data, thumb };
}

/**
 * The file's pictures, each checked on its own: its fields (ImageSchema), its recording in the
 * file, its id not used by an earlier picture, and its picture and thumbnail base64 of at most
 * MAX_FRAME_BYTES whose bytes are the WebP or JPEG its type says (images.ts `imageTypeOfBytes`).
 * One that fails is left out and named ("image 3 (id a1): its picture is not base64"): a picture
 * hangs on nothing else, so dropping it loses only itself, while refusing the file would keep
 * every note in it from being restored for one damaged picture.
 */
function readImages(raw: readonly unknown[], recordingKeys: ReadonlySet<string>): { images: ImportedImage[]; problems: string[] } {
  const images: ImportedImage[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  raw.forEach((item, i) => {
    const ident = (item as { id?: unknown } | null)?.id;
    const name = recordPlace(kindName('images'), i, 'id', ident);
    const parsed = v.safeParse(ImageSchema, item);
    if (!parsed.success) {
      problems.push(`${name}: ${firstIssue(parsed.issues)}`);
      return;
    }
    const image = parsed.output;
    if (!recordingKeys.has(image.recordingKey)) {
      problems.push(`${name}: ${t('backup_recordingNotInFile', shorten(image.recordingKey, 80))}`);
      return;
    }
    if (seen.has(image.id)) {
      problems.push(`${name}: ${t('backup_sameIdAsEarlierImage')}`);
      return;
    }
    const data = imageBytes(image.data, image.type, 'picture');
    const thumb = imageBytes(image.thumb, image.thumbType, 'thumbnail');
    if (typeof data === 'string' || typeof thumb === 'string') {
      problems.push(`${name}: ${typeof data === 'string' ? data : thumb as string}`);
      return;
    }
    seen.add(image.id);
    images.push({ ...image, data, thumb });
  });
  return { images, problems };
}

/**
 * A backup file from its bytes, as the extension's import and the command line both read it: a
 * byte-order mark is dropped (text-file.ts), then `parseBackup`.
 */
export function parseBackupFile(bytes: Uint8Array): ParseResult {
  const text = decodeTextFile(bytes);
  if (text === null) return { ok: false, message: refused(t('backup_notUtf8')).message };
  return parseBackup(text);
}

export function parseBackup(json: string): ParseResult {
  const read = readBackup(json);
  return read.ok ? read : { ok: false, message: read.message };
}

/** parseBackup, with a refusal's reason and whether the file is from a newer version (BackupReading). */
export function readBackup(json: string): BackupReading {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return refused(t('backup_notJson'));
  }
  const o = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  if (Array.isArray(value) || o.format !== BACKUP_FORMAT) {
    return refused(t('backup_notBackup', lookalike(value)));
  }
  if (typeof o.version !== 'number' || !Number.isInteger(o.version) || o.version < 1) {
    return refused(t('backup_noVersion'));
  }
  if (o.version > BACKUP_VERSION) {
    // Written as digits, as the file writes its version.
    return refused(t('backup_newer', String(o.version), String(BACKUP_VERSION)), true);
  }
  const adjusted = adjustToRules(o);
  const captionFixes = adjustTranscripts(o);
  const result = v.safeParse(Body, value);
  const problems = result.success ? crossCheck(result.output) : result.issues.map(describeIssue);
  if (!result.success || problems.length > 0) {
    const listed = problems.slice(0, MAX_LISTED_PROBLEMS).map((p) => `• ${p}`);
    if (problems.length > MAX_LISTED_PROBLEMS) listed.push(t('backup_andMoreLine', problems.length - MAX_LISTED_PROBLEMS));
    const message = [plural('backup_problems', problems.length), ...listed].join('\n');
    return { ok: false, message, reason: message };
  }
  const { images: rawImages, ...records } = result.output;
  const pictures = o.version >= IMAGES_SINCE
    ? readImages(rawImages, new Set(records.recordings.map((r) => r.key)))
    : { images: [], problems: [] };
  return {
    ok: true,
    backup: { format: BACKUP_FORMAT, version: o.version, ...records },
    adjusted,
    captionFixes,
    images: pictures.images,
    imageProblems: pictures.problems,
  };
}

// ─── Merging: record by record (recordings by key, the rest by id), field by field (record-merge.ts). ───

/**
 * Which of a file's pictures to write: those whose id the database does not have. A picture never
 * changes once stored (an edit is a new picture), so one it has is kept as it is.
 */
export function imagePlan(storedIds: ReadonlySet<string>, incoming: readonly ImportedImage[]): { put: ImportedImage[]; kept: number } {
  const put = incoming.filter((image) => !storedIds.has(image.id));
  return { put, kept: incoming.length - put.length };
}

/** What an import did with the file's records, and the dangling links it removed. */
export interface MergeCounts {
  /** Records new to the database. */
  added: number;
  /** Records the database had, which the file changed: the two copies merged field by field. */
  merged: number;
  /** Records the database had, to which the file added nothing. */
  kept: number;
  /**
   * Links from notes to a speaker or a question that neither the file nor the database has,
   * removed: one line each, naming the note and the link ("note n1: speaker gone").
   */
  repaired: string[];
}

/**
 * The records to write so the database holds the merge of what it has and what the file has.
 * `existing`: the stored records the file also names; `storedQaIds`: the id of every stored Q&A
 * item, trash included. A note of the file that names a speaker its recording does not have after
 * the merge, or a question neither side has, loses that link (counted in `repaired`): nothing the
 * import writes points at nothing.
 */
export function mergePlan(existing: BackupData, incoming: BackupData, storedQaIds: ReadonlySet<string>): { put: BackupData; counts: MergeCounts } {
  const counts: MergeCounts = { added: 0, merged: 0, kept: 0, repaired: [] };
  /** Each record of the file merged with its stored copy; `put`: those that are new or changed. */
  function plan<T>(stored: T[], fromFile: T[], keyOf: (item: T) => string, merge: (a: T, b: T) => T, repair: (item: T) => T = (item) => item) {
    const byKey = new Map(stored.map((item) => [keyOf(item), item]));
    const all: T[] = [];
    const put: T[] = [];
    for (const item of fromFile) {
      const current = byKey.get(keyOf(item));
      // Both copies are repaired before the merge, so a link dropped once stays dropped on the next import.
      const result = current ? merge(repair(current), repair(item)) : repair(item);
      all.push(result);
      if (current && sameContent(result, current)) {
        counts.kept++;
        continue;
      }
      // Newer edit times for the same values are written (a later merge needs them), not counted.
      if (!current) counts.added++;
      else if (sameValues(result, current)) counts.kept++;
      else counts.merged++;
      put.push(result);
    }
    return { all, put };
  }
  const recordings = plan(existing.recordings, incoming.recordings, (r) => r.key, mergeRecording);
  // Every recording the file's notes belong to is in the file (parseBackup checks), so merged here.
  const speakers = new Map(recordings.all.map((r) => [r.key, new Set((r.speakers ?? []).map((s) => s.id))]));
  const questions = new Set([...storedQaIds, ...incoming.qa.map((q) => q.id)]);
  /** Links dropped, by note id: one dropped from both copies of a note is one link. */
  const dropped = new Map<string, Set<string>>();
  const drop = (note: Note, link: string) => dropped.set(note.id, (dropped.get(note.id) ?? new Set()).add(link));
  const repairLinks = (note: Note): Note => {
    let repaired = note;
    if (note.speakerId !== undefined && speakers.get(note.recordingKey)?.has(note.speakerId) === false) {
      repaired = withChanges(repaired, { speakerId: undefined });
      drop(note, t('backup_linkSpeaker', shorten(note.speakerId, 80)));
    }
    const qaIds = note.qaIds?.filter((id) => questions.has(id));
    if (qaIds && note.qaIds && qaIds.length < note.qaIds.length) {
      repaired = { ...repaired, qaIds };
      for (const id of note.qaIds) if (!questions.has(id)) drop(note, t('backup_linkQuestion', shorten(id, 80)));
    }
    return repaired;
  };
  const notes = plan(existing.notes, incoming.notes, (n) => n.id, mergeNote, repairLinks);
  // By the one rule that merges two copies of a transcript (captions/transcript-merge.ts).
  const transcripts = plan(existing.transcripts ?? [], incoming.transcripts ?? [], (t) => JSON.stringify([t.recordingKey, t.lang]), mergeTranscripts);
  // Counted for the notes written only: a file imported again drops the same links from its own
  // copy, but changes nothing.
  counts.repaired = notes.put.flatMap((note) => [...(dropped.get(note.id) ?? [])].map((link) => t('backup_noteLink', shorten(note.id, 80), link)));
  return {
    put: {
      recordings: recordings.put, notes: notes.put, qa: plan(existing.qa, incoming.qa, (q) => q.id, mergeQaItem).put, transcripts: transcripts.put,
    },
    counts,
  };
}

/**
 * What an import did, as the library says it: "1 added, 1 merged, 0 already up to date.", then the
 * dangling links removed, the times and dates adjusted and the transcripts tidied (ParseResult),
 * if any, naming the first few of each (as a refusal lists its problems).
 */
export function importSummary(
  { added, merged, kept, repaired }: MergeCounts,
  adjusted: readonly string[] = [],
  captionFixes: readonly string[] = [],
  imageProblems: readonly string[] = [],
): string {
  const few = (lines: readonly string[]) => firstFew(lines, MAX_LISTED_PROBLEMS);
  const said = [t('backup_summary', added, merged, kept)];
  if (repaired.length > 0) said.push(plural('backup_linksRemoved', repaired.length, few(repaired)));
  if (adjusted.length > 0) said.push(plural('backup_adjusted', adjusted.length, few(adjusted)));
  if (captionFixes.length > 0) said.push(t('backup_transcriptsTidied', few(captionFixes)));
  if (imageProblems.length > 0) said.push(plural('backup_picturesDamaged', imageProblems.length, few(imageProblems)));
  return said.join(' ');
}
