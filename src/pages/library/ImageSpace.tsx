import { useEffect, useRef, useState } from 'preact/hooks';
import { imagesDeletedText, failedText } from '../../core/feedback-text';
import { imageSpaceText } from '../../core/images';
import { deleteRecordingImages } from '../../db/images';
import type { Toast } from '../shared/toast';
import { plural, t } from '../../core/i18n';

interface Props {
  recordingKey: string;
  /** The recording's pictures and their bytes, from its kept counts (no picture is read for this). */
  images: number;
  imageBytes: number;
  toast(toast: Toast): void;
}

/**
 * How much space a recording's pictures take, and "Delete images…", which asks first (as
 * emptying the trash does: the safe answer has the focus) and deletes them for good. The notes stay.
 */
export function ImageSpace({ recordingKey, images, imageBytes, toast }: Props) {
  const [confirming, setConfirming] = useState(false);
  const keep = useRef<HTMLButtonElement>(null);
  const ask = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) keep.current?.focus();
  }, [confirming]);
  if (images === 0) return null;
  const remove = () =>
    deleteRecordingImages(recordingKey).then(
      (count) => {
        setConfirming(false);
        toast({ text: imagesDeletedText(count) });
      },
      (error: unknown) => toast({ text: failedText('imagesDeleted', error) }),
    );
  return (
    <section class="image-space" aria-label={t('library_images')}>
      <p class="image-space-line">
        <span>
          <strong>{t('library_imagesLabel')}</strong> {imageSpaceText(images, imageBytes)}
        </span>
        {confirming ? (
          <span class="confirm" role="group" aria-label={t('library_confirmDeleteImages')}>
            <span>{plural('library_deleteImagesQuestion', images)}</span>
            <button type="button" class="danger" onClick={() => void remove()}>
              {t('library_deleteImages')}
            </button>
            <button
              type="button"
              class="quiet"
              ref={keep}
              onClick={() => {
                setConfirming(false);
                ask.current?.focus();
              }}
            >
              {t('library_keepThem')}
            </button>
          </span>
        ) : (
          <button type="button" ref={ask} onClick={() => setConfirming(true)}>
            {t('library_deleteImagesAsk')}
          </button>
        )}
      </p>
    </section>
  );
}
