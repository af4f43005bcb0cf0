import { createPortal } from 'preact/compat';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { RecordingImage } from '../../core/model';
import { formatTime } from '../../core/time';
import { t } from '../../core/i18n';

/**
 * An object URL of `blob` while the component shows it: made once per blob and revoked when the
 * blob changes or the component goes, so a list of thumbnails holds no picture it no longer shows.
 */
export function useObjectUrl(blob: Blob | null): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!blob) return;
    const made = URL.createObjectURL(blob);
    setUrl(made);
    return () => {
      URL.revokeObjectURL(made);
      setUrl(null);
    };
  }, [blob]);
  return url;
}

interface Props {
  images: readonly RecordingImage[];
  /** Whose pictures, for their names: a saved note's time in the video (seconds), or 'draft' for the note being written. */
  owner: { noteAt: number } | 'draft';
  /** Deletes a picture (with Undo where the page offers it); without it, or for another person's picture, the viewer offers no Delete. */
  onDelete?(image: RecordingImage): void;
}

/**
 * A row of thumbnails; each opens its picture at full size in a dialog (Escape or Close shuts it),
 * where it can be deleted.
 */
export function FrameThumbs({ images, owner, onDelete }: Props) {
  const [open, setOpen] = useState<RecordingImage | null>(null);
  if (images.length === 0) return null;
  return (
    <div class="frame-thumbs" role="group" aria-label={owner === 'draft' ? t('shared_framesOfDraft') : t('shared_framesOfNote', formatTime(owner.noteAt))}>
      {images.map((image) => (
        <Thumb key={image.id} image={image} onOpen={() => setOpen(image)} />
      ))}
      {open && (
        <FrameViewer
          image={open}
          onClose={() => setOpen(null)}
          onDelete={
            // Another person's picture (a team folder) is theirs to delete: db/images.ts refuses it too.
            onDelete && !open.author
              ? () => {
                  onDelete(open);
                  setOpen(null);
                }
              : undefined
          }
        />
      )}
    </div>
  );
}

function Thumb({ image, onOpen }: { image: RecordingImage; onOpen(): void }) {
  const url = useObjectUrl(image.thumb);
  return (
    <button type="button" class="frame-thumb" onClick={onOpen} aria-label={t('shared_showFrame', formatTime(image.t))} title={t('shared_showFullSize')}>
      {url && <img src={url} width={image.thumbWidth} height={image.thumbHeight} alt="" />}
    </button>
  );
}

/**
 * One picture at full size, over the page. Not a modal `<dialog>`: the top layer it opens in
 * counts as covering the panel for the panel's click guard (src/pages/panel/click-guard.ts), which
 * would then drop every click, its own Close included. So it is an element of the page's body,
 * drawn over everything, that takes the focus and gives it back, and closes on Escape.
 */
function FrameViewer({ image, onClose, onDelete }: { image: RecordingImage; onClose(): void; onDelete: (() => void) | undefined }) {
  const close = useRef<HTMLButtonElement>(null);
  const url = useObjectUrl(image.blob);
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    close.current?.focus();
    return () => opener?.focus();
  }, []);
  return createPortal(
    <div
      class="frame-viewer"
      role="dialog"
      aria-modal="true"
      aria-label={t('shared_frameAt', formatTime(image.t))}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      {url && <img src={url} width={image.width} height={image.height} alt={t('shared_videoAt', formatTime(image.t))} />}
      <div class="frame-viewer-bar">
        <span class="muted">
          {formatTime(image.t)} · {image.width}×{image.height}
        </span>
        {onDelete && (
          <button type="button" class="quiet" onClick={onDelete}>
            {t('shared_deleteFrame')}
          </button>
        )}
        <button type="button" class="primary" ref={close} onClick={onClose}>
          {t('shared_close')}
        </button>
      </div>
    </div>,
    document.body,
  );
}
