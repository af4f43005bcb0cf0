import { AUTO_BACKUP_FREQUENCIES, type AutoBackupFrequency } from './auto-backup';
import { forumBase } from './discourse';
import { DEFAULT_QUOTE_WINDOW_SECONDS, MAX_QUOTE_WINDOW_SECONDS, MIN_QUOTE_WINDOW_SECONDS } from './captions/limits';
import { isLanguage, type Language } from './i18n';

export interface Settings {
  /** Seconds subtracted from the moment typing starts: people write after they hear something. */
  leadInSeconds: number;
  /** Pause the video while a note is typed, resume on save. */
  pauseWhileTyping: boolean;
  /** Open the notes panel as soon as a video is found (otherwise only the launcher shows). */
  openPanelOnVideo: boolean;
  /** The Discourse forum summaries are posted to ("" until the user names one). */
  forumUrl: string;
  /** How often a backup file is written to the Downloads folder. */
  autoBackup: AutoBackupFrequency;
  /**
   * Notes are typed only in the browser's side panel, never in a frame inside the page, so the
   * page gets no signal that someone types (user activation reaches it from a frame it holds).
   */
  typeInSidePanel: boolean;
  /** A new note keeps the caption text spoken just before it (core/model.ts `Quote`). */
  captureQuotes: boolean;
  /** How far before the note's time its quote starts, seconds. */
  quoteWindowSeconds: number;
  /** Captions seen are stored as the recording's transcript (otherwise only held while the panel is open). */
  keepTranscripts: boolean;
  /** A recording's slides are kept as it plays unless its panel says otherwise (the panel's "Keep slides"). */
  keepSlides: boolean;
  /**
   * The language summaries were last exported in on this device (the community's, which may not
   * be the pages'); null until one is picked, when exports follow the pages' language.
   */
  summaryLanguage: Language | null;
}

export const DEFAULT_SETTINGS: Settings = {
  leadInSeconds: 2,
  pauseWhileTyping: true,
  openPanelOnVideo: true,
  forumUrl: '',
  autoBackup: 'weekly',
  typeInSidePanel: false,
  captureQuotes: true,
  quoteWindowSeconds: DEFAULT_QUOTE_WINDOW_SECONDS,
  keepTranscripts: true,
  keepSlides: false,
  summaryLanguage: null,
};

export const MAX_LEAD_IN_SECONDS = 30;

/** Fills what is missing or malformed in stored settings with the defaults. */
export function settingsFrom(stored: unknown): Settings {
  const value = (typeof stored === 'object' && stored !== null ? stored : {}) as Record<string, unknown>;
  const leadIn = value.leadInSeconds;
  return {
    leadInSeconds:
      typeof leadIn === 'number' && Number.isFinite(leadIn) && leadIn >= 0 && leadIn <= MAX_LEAD_IN_SECONDS
        ? leadIn
        : DEFAULT_SETTINGS.leadInSeconds,
    pauseWhileTyping:
      typeof value.pauseWhileTyping === 'boolean' ? value.pauseWhileTyping : DEFAULT_SETTINGS.pauseWhileTyping,
    openPanelOnVideo:
      typeof value.openPanelOnVideo === 'boolean' ? value.openPanelOnVideo : DEFAULT_SETTINGS.openPanelOnVideo,
    forumUrl: typeof value.forumUrl === 'string' ? (forumBase(value.forumUrl) ?? '') : DEFAULT_SETTINGS.forumUrl,
    autoBackup: AUTO_BACKUP_FREQUENCIES.find((f) => f === value.autoBackup) ?? DEFAULT_SETTINGS.autoBackup,
    typeInSidePanel:
      typeof value.typeInSidePanel === 'boolean' ? value.typeInSidePanel : DEFAULT_SETTINGS.typeInSidePanel,
    captureQuotes: typeof value.captureQuotes === 'boolean' ? value.captureQuotes : DEFAULT_SETTINGS.captureQuotes,
    quoteWindowSeconds: isQuoteWindow(value.quoteWindowSeconds) ? value.quoteWindowSeconds : DEFAULT_SETTINGS.quoteWindowSeconds,
    keepTranscripts: typeof value.keepTranscripts === 'boolean' ? value.keepTranscripts : DEFAULT_SETTINGS.keepTranscripts,
    keepSlides: typeof value.keepSlides === 'boolean' ? value.keepSlides : DEFAULT_SETTINGS.keepSlides,
    summaryLanguage: isLanguage(value.summaryLanguage) ? value.summaryLanguage : DEFAULT_SETTINGS.summaryLanguage,
  };
}

/** A quote window the settings accept: whole seconds from MIN_ to MAX_QUOTE_WINDOW_SECONDS. */
export function isQuoteWindow(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= MIN_QUOTE_WINDOW_SECONDS && (value as number) <= MAX_QUOTE_WINDOW_SECONDS;
}
