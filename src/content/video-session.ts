import browser from '../platform/browser';
import { wireNumber, type ToContent, type WirePlayback } from '../messaging/protocol';
import { mountLayer } from './layer';
import { listenForPanel } from './panel-link';
import type { SiteAdapter } from './sites/adapter';

/** Media events after which the panel's idea of the playback is out of date. */
const STATE_EVENTS = ['play', 'pause', 'seeked', 'ratechange', 'durationchange', 'loadedmetadata', 'emptied'];
/** While playing, a fresh reading this often keeps the panel's extrapolation honest. */
const RESYNC_MS = 1000;

export interface VideoSession {
  setVideo(video: HTMLVideoElement): void;
  /** Shows the panel and opens its composer (the shortcut, the popup). */
  compose(): void;
  showPanel(): void;
  status(): { recordingKey: string; title: string; panelOpen: boolean };
  destroy(): void;
}

/** Everything the extension does for one main video: the layer, the panel link, the events. */
export function startVideoSession(firstVideo: HTMLVideoElement, site: SiteAdapter): VideoSession {
  let video = firstVideo;
  let videoEvents = new AbortController();
  let lastResync = 0;
  let composeWhenConnected = false;
  let connected = false;
  const nonce = crypto.randomUUID();

  const playback = (): WirePlayback => ({
    t: wireNumber(video.currentTime),
    paused: video.paused,
    rate: video.playbackRate,
    duration: wireNumber(video.duration),
    at: Date.now(),
  });
  const recording = () => {
    const duration = wireNumber(video.duration);
    return {
      key: site.recordingKey(video) ?? '',
      site: site.id,
      url: site.pageUrl(),
      title: site.title(video),
      ...(duration === null ? {} : { duration }),
    };
  };

  const onPanelMessage = (message: ToContent) => {
    switch (message.type) {
      case 'seek':
        video.currentTime = message.t;
        break;
      case 'pause':
        video.pause();
        break;
      case 'play':
        video.play().catch(() => undefined);
        break;
      case 'markers':
        layer.setMarkers(message.times);
        break;
      case 'panel-visible':
        layer.setPanelVisible(message.visible);
        break;
    }
  };
  const link = listenForPanel(
    nonce,
    () => {
      connected = true;
      link.send({ type: 'recording', recording: recording() });
      link.send({ type: 'playback', playback: playback() });
      if (composeWhenConnected) link.send({ type: 'compose' });
      composeWhenConnected = false;
    },
    onPanelMessage,
  );

  const panelUrl = `${browser.runtime.getURL('src/pages/panel/index.html')}#${nonce}`;
  const layer = mountLayer(video, panelUrl, {
    onSeek: (t) => {
      video.currentTime = t;
    },
    onLauncher: () => {
      if (layer.panelVisible) layer.setPanelVisible(false);
      else session.compose();
    },
  });

  const bind = () => {
    videoEvents.abort();
    videoEvents = new AbortController();
    const { signal } = videoEvents;
    const sendState = () => link.send({ type: 'playback', playback: playback() });
    for (const type of STATE_EVENTS) video.addEventListener(type, sendState, { signal });
    video.addEventListener('durationchange', () => link.send({ type: 'recording', recording: recording() }), { signal });
    video.addEventListener(
      'timeupdate',
      () => {
        const now = Date.now();
        if (now - lastResync < RESYNC_MS) return;
        lastResync = now;
        sendState();
      },
      { signal },
    );
  };
  bind();

  const session: VideoSession = {
    setVideo(next) {
      if (next === video) return;
      video = next;
      layer.follow(video);
      bind();
      link.send({ type: 'recording', recording: recording() });
      link.send({ type: 'playback', playback: playback() });
    },
    compose() {
      layer.setPanelVisible(true);
      layer.focusPanel();
      if (connected) link.send({ type: 'compose' });
      else composeWhenConnected = true;
    },
    showPanel() {
      layer.setPanelVisible(true);
    },
    status: () => ({ recordingKey: recording().key, title: recording().title, panelOpen: layer.panelVisible }),
    destroy() {
      videoEvents.abort();
      link.send({ type: 'video-gone' });
      link.close();
      layer.destroy();
    },
  };
  return session;
}
