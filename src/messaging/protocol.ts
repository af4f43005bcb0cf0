/**
 * Every message the extension's contexts send each other, in one place. Receivers check each
 * message with `parse*` before acting: a message is data from another context, not a promise.
 *
 * Three channels:
 * - tab messages (`runtime/tabs.sendMessage`): background and popup → the content script of a tab;
 * - runtime messages (`runtime.sendMessage`): the content script → background (open the side
 *   panel), the options page → background ("Back up now"), a notes panel → background (capture
 *   its tab, for a frame the video will not give), background → the offscreen document
 *   (Chrome: the backup file's blob URL);
 * - the panel link: a `tabs.connect` port between a notes panel and the content script of its
 *   video. The frame the content script placed connects as `PANEL_PORT_PREFIX + nonce`, the nonce
 *   being the fragment of the URL it gave that frame; the browser's side panel connects as
 *   `SIDE_PANEL_PORT_PREFIX + token`, the token coming from `status`. Names only pair: the content
 *   script accepts a port by what the browser stamps on its sender (see src/content/panel-link.ts).
 */
import * as v from 'valibot';
import { LANGUAGES } from '../core/i18n/languages';
import { isMediaTime, isTimestamp } from '../core/time';
import { SITE_IDS } from '../core/sites';
import { CAPTION_SOURCES } from '../core/model';
import { MAX_CUE_CHARS, MAX_CUES, MAX_CUES_PER_MESSAGE, MAX_NAME_CHARS, withinChars } from '../core/captions/limits';
import { MAX_FRAME_BYTES } from '../core/images';

/** A media time (core/time.ts): seconds, 0 to 100 hours. */
const seconds = v.pipe(v.number(), v.check<number>(isMediaTime));
/** No time is null: NaN and Infinity (which Chrome's JSON messaging drops) and times past the rule. */
const maybeSeconds = v.nullable(seconds);

// ─── background / popup → content script ───────────────────────────────────────────────────────

const TabMessage = v.variant('type', [
  /** The `new-note` shortcut: open the panel and the composer. */
  v.object({ type: v.literal('compose') }),
  /** The `attach-frame` shortcut: open the panel and attach the video's picture to the note being written. */
  v.object({ type: v.literal('attach-frame') }),
  /** The popup's button. */
  v.object({ type: v.literal('open-panel') }),
  /** The popup asks what this frame is annotating; frames without a video do not answer. */
  v.object({ type: v.literal('status') }),
]);
export type TabMessage = v.InferOutput<typeof TabMessage>;

export const VideoStatus = v.object({
  recordingKey: v.string(),
  title: v.string(),
  panelOpen: v.boolean(),
  /**
   * Names this video among the tab's frames for the side panel's port. Not a secret: the content
   * script accepts that port only from a sender outside every tab (the browser's side panel).
   */
  sidePanelToken: v.string(),
  /**
   * This video's panel opens in the browser's side panel: the player is too small for it beside
   * the video, or the user chose to type only there.
   */
  sidePanel: v.boolean(),
});
export type VideoStatus = v.InferOutput<typeof VideoStatus>;

// ─── content script → background ──────────────────────────────────────────────────────────────

/**
 * Parts of the content script that are loaded into the asking frame only once it needs them
 * (content/parts.ts): `session` runs everything for a video found (the layer, the panel link, the
 * captions, the tab's messages); `pictures` grabs the video's frames and watches it for slides.
 */
export const CONTENT_PARTS = ['session', 'pictures'] as const;
export type ContentPart = (typeof CONTENT_PARTS)[number];

const ContentRequest = v.variant('type', [
  /** The player is too small for the panel beside it: open the browser's side panel instead. */
  v.object({ type: v.literal('open-side-panel') }),
  /** Load this part of the content script into the asking frame (answered with PartLoaded). */
  v.object({ type: v.literal('load-part'), part: v.picklist(CONTENT_PARTS) }),
]);
export type ContentRequest = v.InferOutput<typeof ContentRequest>;

/** The background's answer to `open-side-panel`: whether the browser opened it. */
const SidePanelOpened = v.object({ opened: v.boolean() });
export type SidePanelOpened = v.InferOutput<typeof SidePanelOpened>;

/** The background's answer to `load-part`: whether the part's script has run in the asking frame. */
const PartLoaded = v.object({ loaded: v.boolean() });
export type PartLoaded = v.InferOutput<typeof PartLoaded>;

// ─── extension pages → background ─────────────────────────────────────────────────────────────

const PageRequest = v.variant('type', [
  /** The options page's "Back up now": write a backup file whether or not one is due. */
  v.object({ type: v.literal('back-up-now') }),
  /** The settings page's or the library's "Sync now": sync whether or not one is due. */
  v.object({ type: v.literal('sync-now') }),
]);
export type PageRequest = v.InferOutput<typeof PageRequest>;

/** What "Sync now" did: what changed (a sentence), or why nothing ran or what failed. */
const SyncRun = v.variant('outcome', [
  v.object({ outcome: v.literal('synced'), summary: v.string() }),
  v.object({ outcome: v.literal('skipped'), reason: v.string() }),
  v.object({ outcome: v.literal('failed'), message: v.string() }),
]);
export type SyncRun = v.InferOutput<typeof SyncRun>;

/** What "Back up now" did: the file's name, or why there is none (a sentence for the user). */
const BackupRun = v.variant('outcome', [
  v.object({ outcome: v.literal('written'), file: v.string() }),
  v.object({ outcome: v.literal('skipped'), reason: v.string() }),
  v.object({ outcome: v.literal('failed'), message: v.string() }),
]);
export type BackupRun = v.InferOutput<typeof BackupRun>;

// ─── notes panel → background ──────────────────────────────────────────────────────────────────

/** A tab id as the browser gives them. */
const tabId = v.pipe(v.number(), v.safeInteger(), v.minValue(0));

const PanelRequest = v.variant('type', [
  /**
   * Capture the visible part of tab `tabId` (the panel's own tab; the background prefers the tab
   * the browser stamps on the sender, and Firefox's frame beside a video knows no tab id): for a
   * frame the video will not let a canvas read. The panel has had the content script hide our
   * layer first.
   */
  v.object({ type: v.literal('capture-tab'), tabId: v.optional(tabId) }),
]);
export type PanelRequest = v.InferOutput<typeof PanelRequest>;

/**
 * The host permission (optional in the manifest) that lets the background capture a tab without
 * the frame shortcut's `activeTab`: the panel asks for it from a click. Chrome accepts nothing
 * narrower for `captureVisibleTab`.
 */
export const TAB_CAPTURE_PERMISSION = '<all_urls>';

/** The background's answer to `capture-tab`: the capture as a data URL, or why there is none. */
const TabCapture = v.variant('ok', [
  v.object({ ok: v.literal(true), image: v.pipe(v.string(), v.regex(/^data:image\/(png|jpeg);base64,/)) }),
  v.object({ ok: v.literal(false), reason: v.picklist(['needs-permission', 'not-active', 'failed']), detail: v.optional(v.string()) }),
]);
export type TabCapture = v.InferOutput<typeof TabCapture>;

// ─── background → offscreen document (Chrome's worker has no URL.createObjectURL) ─────────────

const OffscreenRequest = v.variant('type', [
  /**
   * Read the database and answer with a blob: URL of the full backup file; a failure is told in
   * `lang` (the worker's language: an offscreen document reaches only `runtime`, not the stored choice).
   */
  v.object({ type: v.literal('backup-file-url'), lang: v.picklist(LANGUAGES) }),
]);
export type OffscreenRequest = v.InferOutput<typeof OffscreenRequest>;

const BackupFileUrl = v.variant('ok', [
  v.object({ ok: v.literal(true), url: v.pipe(v.string(), v.startsWith('blob:')) }),
  v.object({ ok: v.literal(false), message: v.string() }),
]);
export type BackupFileUrl = v.InferOutput<typeof BackupFileUrl>;

// ─── panel link ────────────────────────────────────────────────────────────────────────────────

export const PANEL_PORT_PREFIX = 'webinar-notes-panel:';
/**
 * Firefox gives an extension frame inside a page no `tabs` API, so such a panel connects to the
 * background with this prefix and the nonce, and the background opens the port to the tab for it.
 */
export const RELAY_PORT_PREFIX = 'webinar-notes-relay:';
/** The browser's side panel (Chrome `sidePanel`, Firefox `sidebar_action`), which is in no tab. */
export const SIDE_PANEL_PORT_PREFIX = 'webinar-notes-side-panel:';

const Playback = v.object({
  t: maybeSeconds,
  paused: v.boolean(),
  rate: v.number(),
  duration: maybeSeconds,
  /** Date.now() when read: ms since 1970 (core/time.ts isTimestamp). */
  at: v.pipe(v.number(), v.check<number>(isTimestamp)),
  /** An ad is playing in the video element: its time is not the recording's. */
  ad: v.boolean(),
});
export type WirePlayback = v.InferOutput<typeof Playback>;

/** Text of at most `max` code points, as the content script cut it (core/shorten.ts). */
const chars = (max: number) => v.pipe(v.string(), v.check((text: string) => withinChars(text, max)));
const name = chars(MAX_NAME_CHARS);
/** A caption line (core/model.ts `Cue`), as the content script cleaned it. */
const Cue = v.pipe(
  v.object({ start: seconds, end: seconds, text: chars(MAX_CUE_CHARS), voice: v.optional(name) }),
  v.check((cue) => cue.end >= cue.start),
);

/** Which answer this is: the number its request carried, chosen by the panel. */
const requestId = v.pipe(v.number(), v.safeInteger(), v.minValue(0));

/**
 * An encoded frame as it crosses the panel link (Chrome's ports carry JSON, so no Blob): a base64
 * data URL of a WebP or JPEG at most MAX_FRAME_BYTES long. The panel reads its type from its bytes
 * again (core/images.ts imageTypeOfBytes) and decodes it before storing anything.
 */
const FRAME_DATA_URL = /^data:image\/(webp|jpeg);base64,[A-Za-z0-9+/]+={0,2}$/;
export const MAX_FRAME_DATA_URL_CHARS = 'data:image/webp;base64,'.length + Math.ceil(MAX_FRAME_BYTES / 3) * 4;
const frameDataUrl = v.pipe(v.string(), v.maxLength(MAX_FRAME_DATA_URL_CHARS), v.regex(FRAME_DATA_URL));

/** Why the content script has no frame: no picture yet, a canvas it may not read, black pixels, or another failure. */
export const FRAME_REFUSALS = ['no-picture', 'tainted', 'black', 'failed'] as const;
export type FrameRefusal = (typeof FRAME_REFUSALS)[number];

/** A slide's perceptual hash: 16 hex digits (core/slides/frame-hash.ts). */
const slideHash = v.pipe(v.string(), v.regex(/^[0-9a-f]{16}$/));
/** The most hashes of slides kept before that a `slide-watch` request carries. */
export const MAX_KNOWN_SLIDES = 500;
/**
 * Why the slide watch cannot read the video (content/slide-watch.ts `SlideWatchUnavailable`), or
 * `not-loaded`: its code could not be loaded into the video's frame (content/parts.ts).
 */
export const SLIDE_WATCH_UNAVAILABLE = ['cross-origin', 'no-canvas', 'not-loaded'] as const;

/** Where the video's picture is, in CSS pixels of a viewport of the size given (core/images.ts pictureRect). */
const PicturePlace = v.object({
  x: v.pipe(v.number(), v.finite()),
  y: v.pipe(v.number(), v.finite()),
  width: v.pipe(v.number(), v.finite(), v.minValue(0)),
  height: v.pipe(v.number(), v.finite(), v.minValue(0)),
  viewportWidth: v.pipe(v.number(), v.finite(), v.gtValue(0)),
  viewportHeight: v.pipe(v.number(), v.finite(), v.gtValue(0)),
});
export type PicturePlace = v.InferOutput<typeof PicturePlace>;

const ToPanel = v.variant('type', [
  /** Which recording the video is, sent first and whenever it changes. */
  v.object({
    type: v.literal('recording'),
    recording: v.object({
      key: v.string(),
      site: v.picklist(SITE_IDS),
      url: v.string(),
      title: v.string(),
      duration: v.optional(seconds),
    }),
  }),
  /** The page is moving to another video (a single-page site): take no note until `recording`. */
  v.object({ type: v.literal('navigating') }),
  /** Sent on play, pause, seek, rate change, and every second while playing. */
  v.object({ type: v.literal('playback'), playback: Playback }),
  /** Open the composer and put the caret in it (the shortcut, or the launcher). */
  v.object({ type: v.literal('compose') }),
  /** The frame shortcut: attach the video's picture to the note being written (the composer opens). */
  v.object({ type: v.literal('attach-frame') }),
  /**
   * The answer to `take-frame`: the picture (and the video's time when it was drawn), or why there
   * is none; `tabCapture` says whether a capture of the tab can be cut to this video (it plays in
   * the top frame), for a canvas the video would not let us read or that came out black.
   */
  v.object({
    type: v.literal('frame'),
    request: requestId,
    result: v.variant('ok', [
      v.object({ ok: v.literal(true), image: frameDataUrl, t: maybeSeconds }),
      v.object({ ok: v.literal(false), reason: v.picklist(FRAME_REFUSALS), tabCapture: v.boolean(), detail: v.optional(chars(300)) }),
    ]),
  }),
  /**
   * The answer to `hide-layer`, once the page has been drawn without our layer (`hidden`) or with
   * it again: where the video's picture is now, null when it has none on screen, and the video's
   * time then.
   */
  v.object({ type: v.literal('layer'), request: requestId, hidden: v.boolean(), place: v.nullable(PicturePlace), t: maybeSeconds }),
  /** The video left the page; the panel must not file notes under it any more. */
  v.object({ type: v.literal('video-gone') }),
  /**
   * A slide the slide watch (content/slide-watch.ts) saw for the first time, at `t` seconds: its
   * hash and the whole frame drawn when it was seen, for the panel that turned the watch on. The
   * panel checks the picture as a frame's (pages/panel/frame-capture.ts) before keeping it.
   */
  v.object({ type: v.literal('slide'), t: seconds, hash: slideHash, image: frameDataUrl }),
  /** The slide watch stopped for good: the video's pixels cannot be read. */
  v.object({ type: v.literal('slide-watch-unavailable'), reason: v.picklist(SLIDE_WATCH_UNAVAILABLE) }),
  /**
   * Caption lines of `recordingKey` in `lang`, as the player has them (see the adapters'
   * `captions`): they replace what the panel holds of that track from index `from` on, so a
   * rolling line that grows is sent again alone, and a whole track comes in a few messages.
   * Cue text is text: the panel never renders it as markup.
   */
  v.object({
    type: v.literal('captions'),
    recordingKey: v.string(),
    lang: name,
    label: v.optional(name),
    source: v.picklist(CAPTION_SOURCES),
    /** The player loaded the whole track, not only the lines seen so far. */
    complete: v.boolean(),
    from: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_CUES)),
    cues: v.pipe(v.array(Cue), v.maxLength(MAX_CUES_PER_MESSAGE)),
  }),
]);
export type ToPanel = v.InferOutput<typeof ToPanel>;

/** The most markers a message carries, and a page holds from one panel. */
export const MAX_MARKERS = 100_000;
/** A marker's number: given by its panel, counting from 0, meaningless outside that panel's link. */
const markerNumber = v.pipe(v.number(), v.safeInteger(), v.minValue(0));

const ToContent = v.variant('type', [
  v.object({ type: v.literal('seek'), t: seconds }),
  v.object({ type: v.literal('pause') }),
  v.object({ type: v.literal('play') }),
  /**
   * All the markers, sent when a panel connects and whenever its recording changes: the marker
   * at `times[i]` is marker `i`. Times only: the page never holds note text, nor note ids.
   */
  v.object({ type: v.literal('markers'), times: v.pipe(v.array(seconds), v.maxLength(MAX_MARKERS)) }),
  /**
   * What changed since: markers to add or move (`set`, as [marker, time]) and to take away
   * (`remove`), named by the numbers this panel gave them (messaging/marker-feed.ts).
   */
  v.object({
    type: v.literal('marker-changes'),
    set: v.pipe(v.array(v.strictTuple([markerNumber, seconds])), v.maxLength(MAX_MARKERS)),
    remove: v.pipe(v.array(markerNumber), v.maxLength(MAX_MARKERS)),
  }),
  /** Show or hide the panel frame. */
  v.object({ type: v.literal('panel-visible'), visible: v.boolean() }),
  /** Draw the video's picture now, encode it and answer with `frame`. */
  v.object({ type: v.literal('take-frame'), request: requestId }),
  /**
   * Hide our layer (panel frame, launcher, markers) for a capture of the tab, or show it again,
   * and answer with `layer` once it is drawn so. The content script shows it again by itself if
   * no second request comes within a few seconds.
   */
  v.object({ type: v.literal('hide-layer'), request: requestId, hidden: v.boolean() }),
  /** The user's choice to type only in the browser's side panel: the frame in the page stays hidden. */
  v.object({ type: v.literal('placement'), sidePanelOnly: v.boolean() }),
  /**
   * Watch the video for slides (`on`), answering with `slide` to this panel, or stop. `known`: the
   * hashes of the recording's slides kept before, so a slide shown again is not sent again.
   */
  v.object({ type: v.literal('slide-watch'), on: v.boolean(), known: v.pipe(v.array(slideHash), v.maxLength(MAX_KNOWN_SLIDES)) }),
]);
export type ToContent = v.InferOutput<typeof ToContent>;

function parser<T>(schema: v.GenericSchema<unknown, T>) {
  return (message: unknown): T | null => {
    const result = v.safeParse(schema, message);
    return result.success ? result.output : null;
  };
}

export const parseTabMessage = parser(TabMessage);
export const parseContentRequest = parser(ContentRequest);
export const parseSidePanelOpened = parser(SidePanelOpened);
export const parsePartLoaded = parser(PartLoaded);
export const parseVideoStatus = parser(VideoStatus);
export const parseToPanel = parser(ToPanel);
export const parseToContent = parser(ToContent);
export const parsePageRequest = parser(PageRequest);
export const parseBackupRun = parser(BackupRun);
export const parseSyncRun = parser(SyncRun);
export const parseOffscreenRequest = parser(OffscreenRequest);
export const parsePanelRequest = parser(PanelRequest);
export const parseTabCapture = parser(TabCapture);
export const parseBackupFileUrl = parser(BackupFileUrl);

/**
 * A video's time or duration (seconds) as it travels: a media time as it is, anything else (NaN,
 * ±Infinity, a live stream's duration, a time past 100 hours) as null, "no time", which the panel
 * already handles, so one odd number does not get the whole message refused.
 */
export function wireTime(seconds: number): number | null {
  return isMediaTime(seconds) ? seconds : null;
}
