import browser from '../platform/content-browser';
import { parseSidePanelOpened, wireTime, type ContentRequest, type ToContent, type VideoStatus, type WirePlayback } from '../messaging/protocol';
import { mountLayer } from './layer';
import { listenForPanel, type PanelPort } from './panel-link';
import { markerSets } from './marker-sets';
import { watchAddress } from './address-watch';
import type { PanelKind } from '../messaging/panel-sender';
import type { SiteAdapter } from './sites/adapter';
import { newId } from '../core/ids';
import { PANEL_PAGE } from '../platform/pages';
import { captionFeed } from './caption-feed';
import { grabFrameWith, picturePlace } from './frame-grab';
import { loadPart } from './parts';
import { slideFeedOnDemand } from './slides-on-demand';

/** Media events after which the panel's idea of the playback is out of date. */
const STATE_EVENTS = ['play', 'pause', 'seeked', 'ratechange', 'durationchange', 'loadedmetadata', 'emptied'];
/** Events after which the video may be another recording, or an ad (sites swap the source). */
const SOURCE_EVENTS = ['loadedmetadata', 'durationchange', 'emptied', 'play'];
/** While playing, a fresh reading this often keeps the panel's extrapolation honest. */
const RESYNC_MS = 1000;
/** A player narrower than this has no room for the panel beside or over it: the side panel takes it. */
export const COMPACT_WIDTH = 480;
/** A layer hidden for a capture of the tab shows again by itself after this (ms), should the panel never ask. */
const CAPTURE_HIDE_MAX_MS = 4000;

/** What a panel is asked for when it opens: its composer, or its composer with the video's frame attached. */
type PanelAsk = 'compose' | 'attach-frame';

export interface VideoSession {
  setVideo(video: HTMLVideoElement): void;
  /** Shows the panel and opens its composer (the shortcut, the popup); `attach-frame` also attaches the video's picture. */
  compose(ask?: PanelAsk): void;
  showPanel(): void;
  status(): VideoStatus;
  destroy(): void;
}

/** Everything the extension does for one main video: the layer, the panel link, the events. */
export function startVideoSession(firstVideo: HTMLVideoElement, site: SiteAdapter): VideoSession {
  let video = firstVideo;
  let videoEvents = new AbortController();
  const pageEvents = new AbortController();
  let lastResync = 0;
  // The panel that should open its composer as soon as it connects (it was asked before it could hear).
  let composeWhenConnected: { kind: PanelKind; ask: PanelAsk } | null = null;
  let captureHidden: ReturnType<typeof setTimeout> | undefined;
  let navigating = false;
  // What the panel was last told, to tell it again only when the page has changed it.
  let sentKey: string | null = null;
  let sentTitle: string | null = null;
  let sentAd = false;
  // Unguessable, and known only to the panel frame this session places (it is its URL's fragment,
  // inside a closed shadow root): a port naming it from that frame is that frame.
  const nonce = newId();
  // Names this video for the side panel, which asks `status` for it; not a secret (panel-sender.ts).
  const sidePanelToken = newId();

  const isAd = () => site.isAdPlaying(video);
  // Set by the panel from the user's settings (this script cannot read them: IndexedDB here is the page's).
  let sidePanelOnly = false;
  /** The panel of this video lives in the browser's side panel, not in a frame by the player. */
  const inSidePanel = () => sidePanelOnly || video.getBoundingClientRect().width < COMPACT_WIDTH;
  const playback = (): WirePlayback => ({
    t: wireTime(video.currentTime),
    paused: video.paused,
    rate: video.playbackRate,
    duration: wireTime(video.duration),
    at: Date.now(),
    ad: isAd(),
  });
  const recording = () => {
    const duration = isAd() ? null : wireTime(video.duration);
    return {
      key: site.recordingKey(video) ?? '',
      site: site.id,
      url: site.pageUrl(video),
      title: site.title(video),
      ...(duration === null ? {} : { duration }),
    };
  };

  const sendPlayback = () => {
    const state = playback();
    if (state.ad !== sentAd) layer.setAd((sentAd = state.ad));
    link.send({ type: 'playback', playback: state });
  };
  /** Tells the panel which recording plays, whenever that may have changed. */
  const sendRecording = () => {
    if (navigating) return;
    const current = recording();
    sentKey = current.key;
    sentTitle = current.title;
    link.send({ type: 'recording', recording: current });
    sendPlayback();
    followCaptions();
  };

  // Captions of the recording playing, held from the start so a panel opened later gets the lines
  // said before; another recording (or an ad) starts afresh, so no line crosses between videos.
  const captions = captionFeed(site, (message, to) => link.send(message, to));
  let captionsOf: { video: HTMLVideoElement; key: string } | null = null;
  const followCaptions = () => {
    const key = navigating || isAd() ? '' : (site.recordingKey(video) ?? '');
    if (captionsOf?.video === video && captionsOf.key === key) return;
    captionsOf = { video, key };
    if (key) captions.follow(video, key);
    else captions.stop();
  };

  const onPanelMessage = (message: ToContent, from: PanelKind, panel: PanelPort) => {
    switch (message.type) {
      case 'seek':
        if (!isAd()) video.currentTime = message.t;
        break;
      case 'pause':
        video.pause();
        break;
      case 'play':
        video.play().catch(() => undefined);
        break;
      case 'markers':
        markers.replace(panel, message.times);
        break;
      case 'marker-changes':
        markers.change(panel, message.set, message.remove);
        break;
      case 'panel-visible':
        // A compact player, or the user's choice, keeps the frame hidden: the panel is in the side panel.
        if (!(message.visible && inSidePanel())) layer.setPanelVisible(message.visible);
        break;
      case 'slide-watch':
        slides.set(panel, message.on, message.known);
        break;
      case 'placement':
        // The frame says where typing happens; the side panel is where it does.
        if (from !== 'frame') break;
        sidePanelOnly = message.sidePanelOnly;
        if (sidePanelOnly) layer.setPanelVisible(false);
        break;
      case 'take-frame': {
        const request = message.request;
        // Drawn now, at the request; read and encoded by the pictures part, loaded the first time.
        void grabFrameWith(video, () => loadPart('pictures').then((part) => part.encodeFrame)).then((result) => link.reply(panel, { type: 'frame', request, result }));
        break;
      }
      case 'hide-layer': {
        clearTimeout(captureHidden);
        if (message.hidden) captureHidden = setTimeout(() => void layer.setCaptureHidden(false), CAPTURE_HIDE_MAX_MS);
        const { request, hidden } = message;
        void layer.setCaptureHidden(hidden).then(() =>
          link.reply(panel, { type: 'layer', request, hidden, place: picturePlace(video), t: wireTime(video.currentTime) }),
        );
        break;
      }
    }
  };
  const link = listenForPanel(
    { nonce, sidePanelToken },
    (kind) => {
      if (navigating) link.send({ type: 'navigating' });
      else sendRecording();
      captions.resend(kind);
      if (composeWhenConnected?.kind === kind) {
        link.send({ type: composeWhenConnected.ask }, kind);
        composeWhenConnected = null;
      }
    },
    onPanelMessage,
    (panel) => {
      markers.forget(panel);
      slides.forget(panel);
    },
  );
  const slides = slideFeedOnDemand(video, (panel, message) => link.reply(panel, message), isAd);
  // A page left (or kept in the back-forward cache) watches nothing.
  window.addEventListener('pagehide', () => slides.stop(), { signal: pageEvents.signal });

  const layer = mountLayer(
    {
      video,
      progressBar: site.progressBar(video),
      parent: site.layerParent(video),
      panelUrl: `${browser.runtime.getURL(PANEL_PAGE)}#${nonce}`,
    },
    {
      onSeek: (t) => {
        if (!isAd()) video.currentTime = t;
      },
      onLauncher: () => {
        if (layer.panelVisible) layer.setPanelVisible(false);
        else session.compose('compose');
      },
    },
  );

  const markers = markerSets(layer);

  /**
   * Tells the panel the recording again if the page changed it. Identity may come from the
   * address (a plain page, a watch URL) or from the player (an embed's title link, an ad), and a
   * page changes the two in either order: each change is checked, so the last one decides.
   */
  const checkRecording = () => {
    const changed = (site.recordingKey(video) ?? '') !== sentKey || site.title(video) !== sentTitle || isAd() !== sentAd;
    if (changed) sendRecording();
  };

  const bind = () => {
    videoEvents.abort();
    videoEvents = new AbortController();
    const { signal } = videoEvents;
    for (const type of STATE_EVENTS) video.addEventListener(type, sendPlayback, { signal });
    for (const type of SOURCE_EVENTS) video.addEventListener(type, checkRecording, { signal });
    video.addEventListener(
      'timeupdate',
      () => {
        const now = Date.now();
        if (now - lastResync < RESYNC_MS) return;
        lastResync = now;
        // A page may name the new lesson a moment after switching to it.
        checkRecording();
        sendPlayback();
      },
      { signal },
    );
  };
  bind();
  watchAddress(checkRecording, pageEvents.signal);
  followCaptions();

  site.onNavigate?.(
    () => {
      // From here until the new page is in place, no note may be taken: it could land on either video.
      navigating = true;
      markers.clear();
      // The panel asks again for the next recording, with its slides.
      slides.stop();
      followCaptions();
      link.send({ type: 'navigating' });
    },
    () => {
      navigating = false;
      sendRecording();
    },
    pageEvents.signal,
  );

  const start = site.startTimeFromUrl();
  if (start !== null) {
    const seekOnce = () => {
      if (Number.isFinite(video.duration) && start < video.duration) video.currentTime = start;
    };
    if (video.readyState >= HTMLMediaElement.HAVE_METADATA) seekOnce();
    else video.addEventListener('loadedmetadata', seekOnce, { once: true, signal: videoEvents.signal });
  }

  /** Opens the composer of that panel (and attaches a frame, if asked) now, or as soon as it connects. */
  const askForComposer = (kind: PanelKind, ask: PanelAsk) => {
    if (link.connected(kind)) link.send({ type: ask }, kind);
    else composeWhenConnected = { kind, ask };
  };

  /** The panel beside the video, with its composer ready. */
  const composeHere = (ask: PanelAsk) => {
    layer.setPanelVisible(true);
    layer.focusPanel();
    askForComposer('frame', ask);
  };

  const session: VideoSession = {
    setVideo(next) {
      if (next === video) return;
      video = next;
      layer.follow(video, site.progressBar(video));
      slides.follow(video);
      bind();
      sendRecording();
    },
    compose(ask = 'compose') {
      if (inSidePanel()) {
        // Called from the click or shortcut that asked for it: the browser opens a side panel
        // only in response to a user action. A side panel that is open already gets the request now.
        const request: ContentRequest = { type: 'open-side-panel' };
        askForComposer('side-panel', ask);
        // Where the browser will not open it, the panel beside the player is better than none.
        browser.runtime.sendMessage(request).then(
          (answer: unknown) => {
            if (!parseSidePanelOpened(answer)?.opened) composeHere(ask);
          },
          () => composeHere(ask),
        );
        return;
      }
      composeHere(ask);
    },
    showPanel() {
      if (!inSidePanel()) layer.setPanelVisible(true);
    },
    status: () => ({
      recordingKey: recording().key,
      title: recording().title,
      panelOpen: layer.panelVisible,
      sidePanelToken,
      sidePanel: inSidePanel(),
    }),
    destroy() {
      clearTimeout(captureHidden);
      videoEvents.abort();
      pageEvents.abort();
      captions.stop();
      slides.stop();
      link.send({ type: 'video-gone' });
      link.close();
      layer.destroy();
    },
  };
  return session;
}
