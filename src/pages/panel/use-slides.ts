import { useEffect, useMemo, useState } from 'preact/hooks';
import { errorText } from '../../core/error-text';
import { t, type MessageKey } from '../../core/i18n';
import type { RecordingImage } from '../../core/model';
import type { Settings } from '../../core/settings';
import { newImage, recordingImages, storeSlide } from '../../db/images';
import type { RecordingInfo } from '../../db/recordings';
import { keepSlidesFor, setKeepSlides } from '../../db/settings';
import { MAX_KNOWN_SLIDES, type SLIDE_WATCH_UNAVAILABLE } from '../../messaging/protocol';
import { dataUrlToBlob } from '../../platform/image-encode';
import { useLiveQuery, type Live } from '../shared/live-query';
import { checkedFrame } from './frame-capture';
import type { SlideInbox } from './use-video-link';
import type { VideoLink } from './video-link';

export interface SlidesState {
  /** The recording's slides kept, in time order. */
  slides: readonly RecordingImage[];
  /** "Keep slides" for this recording; null while it is read. */
  keep: boolean | null;
  setKeep(keep: boolean): void;
  /** Why slides are not kept although asked (the video's pixels cannot be read, a picture refused); null while all is well. */
  problem: string | null;
}

/** Why the video's content script cannot watch for slides, by the reason it sends. */
const UNAVAILABLE: Readonly<Record<(typeof SLIDE_WATCH_UNAVAILABLE)[number], MessageKey>> = {
  'cross-origin': 'panel_slidesCrossOrigin',
  'no-canvas': 'panel_slidesNoCanvas',
  'not-loaded': 'panel_slidesNotLoaded',
};

/**
 * The slides of the panel's recording: asks the video's content script to watch for them while
 * "Keep slides" is on (content/slide-feed.ts), checks each picture it sends as a frame
 * (frame-capture.ts checkedFrame) and stores it as a `slide` image unless one of the same hash is
 * kept already.
 */
export function useSlides(link: VideoLink | null, inbox: SlideInbox, recording: RecordingInfo | null, settings: Live<Settings>): SlidesState {
  const key = recording?.key;
  const images = useLiveQuery(() => (key ? recordingImages(key) : Promise.resolve([])), [key]);
  const slides = useMemo(() => (images.state === 'ready' ? images.value.filter((image) => image.kind === 'slide') : []), [images]);
  const [keep, setKeep] = useState<{ key: string; keep: boolean } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const keepSetting = settings.state === 'ready' ? settings.value.keepSlides : null;

  useEffect(() => {
    setProblem(null);
    if (!key || keepSetting === null) return;
    let current = true;
    keepSlidesFor(key).then(
      (value) => current && setKeep({ key, keep: value }),
      (error: unknown) => current && setProblem(errorText(error)),
    );
    return () => {
      current = false;
    };
  }, [key, keepSetting]);
  const on = keep && keep.key === key ? keep.keep : null;

  // The stored slides are read once per switch: the watch knows the later ones itself.
  const loaded = images.state === 'ready';
  useEffect(() => {
    if (!link || !key || on === null || !loaded) return;
    const known = on ? [...new Set(slides.flatMap((slide) => (slide.hash ? [slide.hash] : [])))].slice(-MAX_KNOWN_SLIDES) : [];
    link.send({ type: 'slide-watch', on, known });
    if (!on) return;
    return () => link.send({ type: 'slide-watch', on: false, known: [] });
  }, [link, key, on, loaded]);

  useEffect(() => {
    inbox.handler = (message) => {
      if (message.type === 'slide-watch-unavailable') {
        setProblem(t(UNAVAILABLE[message.reason]));
        return;
      }
      if (!key || !on) return;
      checkedFrame(dataUrlToBlob(message.image), message.t)
        .then((frame) => storeSlide(newImage({ recordingKey: key, kind: 'slide', t: message.t, hash: message.hash, type: frame.type, blob: frame.blob, width: frame.width, height: frame.height, thumb: frame.thumb, thumbWidth: frame.thumbWidth, thumbHeight: frame.thumbHeight })))
        .catch((error: unknown) => setProblem(t('panel_slideNotKept', errorText(error))));
    };
    return () => {
      inbox.handler = null;
    };
  }, [inbox, key, on]);

  return {
    slides,
    keep: on,
    setKeep: (value) => {
      if (!key) return;
      setKeep({ key, keep: value });
      setKeepSlides(key, value).catch((error: unknown) => setProblem(errorText(error)));
    },
    problem,
  };
}
