import { siteOfHost } from '../../core/sites';
import type { SiteAdapter } from './adapter';
import { html5 } from './html5';
import { vimeo } from './vimeo';
import { youtube } from './youtube';


/**
 * A site's adapter with the plain-page one behind it. Where the site adapter finds the video but
 * cannot name its recording (a page form it does not know, a player that does not say what it
 * plays), the recording is the page, as on any other site: a panel the user can still use beats
 * none. Finding the video, the player's parts, ads and navigation stay the site's; a site adapter
 * that finds no video (YouTube Shorts) declines the page, and there is no panel.
 */
export function withPageFallback(site: SiteAdapter): SiteAdapter {
  const names = (video: HTMLVideoElement) => site.recordingKey(video) !== null;
  const serving = (video: HTMLVideoElement) => (names(video) ? site : html5);
  return {
    // Which adapter names the recording can change as the page does (a single-page site).
    get id() {
      const video = site.findVideo();
      return video && names(video) ? site.id : html5.id;
    },
    findVideo: () => site.findVideo(),
    recordingKey: (video) => site.recordingKey(video) ?? html5.recordingKey(video),
    title: (video) => serving(video).title(video),
    pageUrl: (video) => serving(video).pageUrl(video),
    isAdPlaying: (video) => site.isAdPlaying(video),
    progressBar: (video) => site.progressBar(video),
    layerParent: (video) => site.layerParent(video),
    // A link to a moment of the page is the page with #t=, which only we honour.
    startTimeFromUrl: () => {
      const video = site.findVideo();
      return video && !names(video) ? html5.startTimeFromUrl() : site.startTimeFromUrl();
    },
    ...(site.onNavigate ? { onNavigate: site.onNavigate.bind(site) } : {}),
  };
}

/** The adapter for the page at `hostname`; any other page is plain HTML5 video. */
export function adapterFor(hostname: string): SiteAdapter {
  const site = siteOfHost(hostname);
  if (site === 'youtube') return withPageFallback(youtube);
  if (site === 'vimeo') return withPageFallback(vimeo);
  return html5;
}
