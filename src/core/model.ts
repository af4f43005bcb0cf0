/** The records kept in the extension's database. Times are seconds into the recording. */

/** Which adapter recognised the page a recording was watched on. */
export type SiteId = 'html5' | 'youtube' | 'vimeo';

export interface Recording {
  /** Identity across pages: for plain HTML5 video, the normalised page URL (see recording-key.ts). */
  key: string;
  site: SiteId;
  url: string;
  title: string;
  /** Seconds; absent while unknown (a live stream, or metadata not loaded yet). */
  duration?: number;
  createdAt: number;
  updatedAt: number;
}

export interface Note {
  id: string;
  recordingKey: string;
  t: number;
  text: string;
  createdAt: number;
  updatedAt: number;
  /** Set while the note is in the trash. */
  deletedAt?: number;
}

/** Schema only for now: the Q&A tab fills it. */
export interface QaAnswer {
  speakerId?: string;
  name?: string;
  text: string;
  t?: number;
}

export interface QaItem {
  id: string;
  recordingKey: string;
  question: string;
  askedBy?: string;
  t?: number;
  answers: QaAnswer[];
  createdAt: number;
  updatedAt: number;
  deletedAt?: number;
}

/** The note being typed, kept as it is typed so a reload or a crash loses nothing. */
export interface Draft {
  recordingKey: string;
  text: string;
  /** The time the note will get: taken when typing started, lead-in already applied. */
  t: number;
  updatedAt: number;
}
