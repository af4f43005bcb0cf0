import { imagesDeletedText, failedText } from '../../core/feedback-text';
import { imageSpaceText } from '../../core/images';
import { deleteRecordingImages } from '../../db/images';
import type { Toast } from '../shared/toast';
import { ConfirmButton } from '../shared/ConfirmButton';
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
  if (images === 0) return null;
  const remove = () =>
    deleteRecordingImages(recordingKey).then(
      (count) => toast({ text: imagesDeletedText(count) }),
      (error: unknown) => {
        toast({ text: failedText('imagesDeleted', error) });
        throw error;
      },
    );
  return (
    <section class="image-space" aria-label={t('library_images')}>
      <p class="image-space-line">
        <span>
          <strong>{t('library_imagesLabel')}</strong> {imageSpaceText(images, imageBytes)}
        </span>
        <ConfirmButton
          label={t('library_deleteImagesAsk')}
          groupLabel={t('library_confirmDeleteImages')}
          question={plural('library_deleteImagesQuestion', images)}
          confirmLabel={t('library_deleteImages')}
          keepLabel={t('library_keepThem')}
          onConfirm={remove}
        />
      </p>
    </section>
  );
}
