import { plural, t } from '../../core/i18n';
import type { RecordingImage } from '../../core/model';
import { formatTime } from '../../core/time';
import { useObjectUrl } from '../shared/FrameThumbs';
import type { SlidesState } from './use-slides';

/**
 * "Keep slides" for the recording, how many are kept, and their thumbnails in time order: a click
 * on one takes the video to its time.
 */
export function SlideStrip({ state, onSeek }: { state: SlidesState; onSeek(t: number): void }) {
  const { slides, keep, setKeep, problem } = state;
  return (
    <section class="slides" aria-label={t('panel_slides')}>
      <div class="slides-head">
        <label>
          <input type="checkbox" checked={keep ?? false} disabled={keep === null} onChange={(event) => setKeep(event.currentTarget.checked)} /> {t('panel_keepSlides')}
        </label>
        {(keep || slides.length > 0) && <span class="muted slide-count" role="status">{plural('panel_slidesKept', slides.length)}</span>}
      </div>
      {problem && <p class="banner error">{problem}</p>}
      {slides.length > 0 && (
        <div class="slide-strip" role="group" aria-label={t('panel_slidesKeptLabel')}>
          {slides.map((slide) => (
            <SlideThumb key={slide.id} slide={slide} onSeek={onSeek} />
          ))}
        </div>
      )}
    </section>
  );
}

function SlideThumb({ slide, onSeek }: { slide: RecordingImage; onSeek(t: number): void }) {
  const url = useObjectUrl(slide.thumb);
  const time = formatTime(slide.t);
  return (
    <button type="button" class="slide-thumb" onClick={() => onSeek(slide.t)} aria-label={t('panel_playFromSlide', time)} title={time}>
      {url && <img src={url} width={slide.thumbWidth} height={slide.thumbHeight} alt="" />}
    </button>
  );
}
