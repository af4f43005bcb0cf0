import type { SiteAdapter } from './adapter';
import { html5 } from './html5';
import { vimeo } from './vimeo';
import { youtube } from './youtube';

const YOUTUBE_HOSTS = new Set(['www.youtube.com', 'm.youtube.com', 'youtube.com', 'www.youtube-nocookie.com']);
const VIMEO_HOSTS = new Set(['vimeo.com', 'www.vimeo.com', 'player.vimeo.com']);

/** The adapter for the page at `hostname`; any other page is plain HTML5 video. */
export function adapterFor(hostname: string): SiteAdapter {
  if (YOUTUBE_HOSTS.has(hostname)) return youtube;
  if (VIMEO_HOSTS.has(hostname)) return vimeo;
  return html5;
}
