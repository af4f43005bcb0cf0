import { useMemo, useRef } from 'preact/hooks';
import type { RecordingImage } from '../../core/model';
import { recordingImages } from '../../db/images';
import { useLiveQuery } from '../shared/live-query';

type FramesByNote = ReadonlyMap<string, readonly RecordingImage[]>;
const NONE: FramesByNote = new Map();

/**
 * The frames of a recording's notes, by note id, in time order, read again whenever one is
 * written in any page of the extension (a recording has a handful, so a live query is enough).
 * A note whose frames did not change keeps the same array, so its memoised row does not re-render.
 */
export function useRecordingFrames(recordingKey: string | undefined): FramesByNote {
  const images = useLiveQuery(() => (recordingKey ? recordingImages(recordingKey) : Promise.resolve([])), [recordingKey]);
  const previous = useRef<FramesByNote>(NONE);
  return useMemo(() => {
    if (images.state !== 'ready') return NONE;
    const next = new Map<string, RecordingImage[]>();
    for (const image of images.value) {
      if (image.kind !== 'frame' || !image.noteId) continue;
      const list = next.get(image.noteId);
      if (list) list.push(image);
      else next.set(image.noteId, [image]);
    }
    const same = (a: readonly RecordingImage[], b: readonly RecordingImage[]) => a.length === b.length && a.every((image, i) => image.id === b[i]?.id && image.updatedAt === b[i]?.updatedAt);
    const kept = new Map<string, readonly RecordingImage[]>();
    for (const [noteId, list] of next) {
      const before = previous.current.get(noteId);
      kept.set(noteId, before && same(before, list) ? before : list);
    }
    previous.current = kept;
    return kept;
  }, [images]);
}
