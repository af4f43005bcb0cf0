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
  /** A name, or "a registrant" when the question came in anonymously. */
  askedBy?: string;
  /** When it was asked, seconds into the recording. */
  t?: number;
  answers: QaAnswer[];
  createdAt: number;
  updatedAt: number;
  fieldsUpdatedAt?: FieldTimes;
  deletedAt?: number;
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
  updatedAt: number;
}
