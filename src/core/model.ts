/** The records kept in the extension's database. Times are seconds into the recording. */

/**
 * When each field of a record was last edited, ms since the epoch, by field name (`text`,
 * `details.title`, …): what lets two copies of a record merge field by field
 * (src/core/record-merge.ts). Absent on records written before it existed.
 */
export type FieldTimes = Record<string, number>;

export type { SiteId } from './sites';
import type { SiteId } from './sites';

/** Someone who speaks in the webinar. */
export interface Speaker {
  id: string;
  name: string;
  role?: string;
  org?: string;
  /** A forum or social handle, without the @. */
  handle?: string;
  fieldsUpdatedAt?: FieldTimes;
}

/** What the summary post says about the webinar, beyond the page's own title. */
export interface WebinarDetails {
  title?: string;
  /** ISO date, yyyy-mm-dd. */
  date?: string;
  description?: string;
  organiser?: string;
}

export interface Recording {
  /** Identity across pages: `youtube:<id>`, `vimeo:<id>`, else the normalised page URL. */
  key: string;
  site: SiteId;
  url: string;
  /** The title as the page gives it. */
  title: string;
  /** Seconds; absent while unknown (a live stream, or metadata not loaded yet). */
  duration?: number;
  details?: WebinarDetails;
  speakers?: Speaker[];
  createdAt: number;
  updatedAt: number;
  fieldsUpdatedAt?: FieldTimes;
}

/**
 * Where caption text came from: the page's `<track>` (or the player's own text track), the
 * caption data the player fetched itself (YouTube's timedtext), or the lines drawn on screen.
 */
export const CAPTION_SOURCES = ['track', 'timedtext', 'screen'] as const;
export type CaptionSource = (typeof CAPTION_SOURCES)[number];

/** One caption line as spoken: seconds into the recording, text without markup. */
export interface Cue {
  start: number;
  /** Not before `start`. */
  end: number;
  text: string;
  /** The speaker a WebVTT voice tag (`<v Name>`) names, as written there. */
  voice?: string;
}

/**
 * The words spoken just before a note, kept with it: the caption text of `start`..`end`
 * (seconds), from `source`, in `lang` (a BCP 47 tag as the track gives it; '' when it names none).
 */
export interface Quote {
  text: string;
  start: number;
  end: number;
  source: CaptionSource;
  lang: string;
}

/**
 * A recording's captions in one language, as far as they are known: the whole track when the
 * player loaded it (`complete`), otherwise the lines seen so far. One per recording and language.
 */
export interface Transcript {
  recordingKey: string;
  lang: string;
  /** The track's own name ("English (auto-generated)"), when it gives one. */
  label?: string;
  source: CaptionSource;
  complete: boolean;
  /** In order of `start`. */
  cues: Cue[];
  updatedAt: number;
}

/**
 * Who wrote a note or question in a team folder (README "Sync", team folders): `id` is 16 lower-case
 * hex digits (teamAuthorId of the name), `name` as the person typed it in their sync settings.
 */
export interface Author {
  id: string;
  name: string;
}

export interface Note {
  id: string;
  recordingKey: string;
  t: number;
  text: string;
  /** Who was speaking (a Speaker id of the recording). */
  speakerId?: string;
  /** Q&A items this note belongs to. */
  qaIds?: string[];
  tags?: string[];
  /** What was said just before the note, from the captions. */
  quote?: Quote;
  createdAt: number;
  updatedAt: number;
  fieldsUpdatedAt?: FieldTimes;
  /** Set while the note is in the trash. */
  deletedAt?: number;
  /**
   * Set only on a record another person of a team folder wrote (core/sync/team.ts): only their
   * files change it, so this profile shows it read-only. Absent: written here (or by the same
   * person on another browser).
   */
  author?: Author;
}

/** An answer: by a speaker of the recording, or by a name typed or pasted in. */
export interface QaAnswer {
  speakerId?: string;
  name?: string;
  text: string;
  /** Where the answer starts and ends in the recording, seconds. */
  t?: number;
  end?: number;
}

export interface QaItem {
  id: string;
  recordingKey: string;
  question: string;
  /** A name (absent when none was given; pasted Q&A may carry the host's own words, such as "a registrant"). */
  askedBy?: string;
  /** When it was asked, seconds into the recording. */
  t?: number;
  answers: QaAnswer[];
  createdAt: number;
  updatedAt: number;
  fieldsUpdatedAt?: FieldTimes;
  deletedAt?: number;
  /**
   * Set only on a record another person of a team folder wrote (core/sync/team.ts): only their
   * files change it, so this profile shows it read-only. Absent: written here (or by the same
   * person on another browser).
   */
  author?: Author;
}

/** The note being typed, kept as it is typed so a reload or a crash loses nothing. */
/** The owner of drafts typed before drafts had owners: no panel has this id, so all offer them. */
export const UNOWNED_PANEL = '';

export interface Draft {
  /**
   * The panel it is typed in (one a tab and frame, or the side panel; see the panel's
   * panel-instance.ts): each panel has its own draft of a recording. `UNOWNED_PANEL` for drafts
   * kept from before drafts had owners (schema version 2).
   */
  panelId: string;
  recordingKey: string;
  text: string;
  /**
   * The time the note will get: taken when typing started, lead-in already applied. Null when the
   * video had no time then (an ad, not started yet): the note takes the first time known after.
   */
  t: number | null;
  /** The quote the note will keep, as taken when it got its time and trimmed since. */
  quote?: Quote;
  /**
   * The id the note will get when it is saved: set once a frame is attached to the draft, whose
   * `RecordingImage` rows carry it as their `noteId` from then on. Discarding the draft deletes
   * those frames.
   */
  noteId?: string;
  updatedAt: number;
}

/**
 * A picture of a recording, stored in the `images` table (schema 7): a frame the user attached to
 * a note, or a slide the slide detector kept. Kept as encoded bytes (WebP, or JPEG where the
 * browser cannot encode WebP) at most MAX_FRAME_SIDE pixels a side, with a thumbnail at most
 * THUMB_SIDE (core/images.ts). Each recording's count and bytes are kept in its `RecordingStats`.
 */
export interface RecordingImage {
  /** A random UUID (core/ids.ts). */
  id: string;
  recordingKey: string;
  /** `frame`: attached on demand to a note; `slide`: kept by the slide detector. */
  kind: 'frame' | 'slide';
  /** Seconds into the recording of the picture. */
  t: number;
  /**
   * The note a frame belongs to: a stored note, or the draft's note-to-be (`Draft.noteId`).
   * A frame stays while its note is in the trash, and goes when the note is deleted for good.
   */
  noteId?: string;
  /** The encoding of `blob` (`thumb.type` says the thumbnail's: the same where the browser encodes WebP). */
  type: 'image/webp' | 'image/jpeg';
  /** The picture, `width` × `height` pixels. */
  blob: Blob;
  width: number;
  height: number;
  /** The thumbnail, `thumbWidth` × `thumbHeight` pixels. */
  thumb: Blob;
  thumbWidth: number;
  thumbHeight: number;
  /** `blob.size + thumb.size`: what it takes, counted without reading a blob. */
  bytes: number;
  /** A slide's perceptual hash, 16 hex digits (core/slides/frame-hash.ts); absent on frames. */
  hash?: string;
  createdAt: number;
  /** Set again when a deleted picture is put back (Undo), so the put-back outlives its tombstone (core/sync/tombstones.ts). */
  updatedAt: number;
  /** In a team folder, another person's picture (read-only here, core/sync/team.ts); absent on this browser's own. */
  author?: Author;
}
