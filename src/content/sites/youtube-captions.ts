import { recordingKeyFor } from '../../core/video-url';
import { timedtextInbox } from '../timedtext-channel';
import type { CaptionReader } from './captions';
import { followCaptionLines } from './youtube-caption-lines';
import { player } from './youtube-player';

const YOUTUBE_KEY = recordingKeyFor({ site: 'youtube', id: '' });

/**
 * YouTube's captions of a video: the tracks the player itself fetched for it (timedtext-inbox.ts),
 * and until one comes, the lines it draws on screen. A response for another video id is never
 * this video's.
 */
export const youtubeCaptions: CaptionReader = (video, recordingKey, onTrack, signal) => {
  const id = recordingKey.startsWith(YOUTUBE_KEY) ? recordingKey.slice(YOUTUBE_KEY.length) : '';
  const playing = player(video);
  if (!id || !playing) return;
  const onScreen = new AbortController();
  signal.addEventListener('abort', () => onScreen.abort(), { once: true });
  timedtextInbox()?.follow(
    id,
    (track) => {
      onScreen.abort();
      onTrack(track);
    },
    signal,
  );
  if (!onScreen.signal.aborted) followCaptionLines(playing, video, onTrack, onScreen.signal);
};
