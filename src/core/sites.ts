/**
 * The sites Webinar Notes knows by name, and the hosts each one serves its pages and players
 * from. The content script picks its adapter here and the URL parser reads ids here, so a page
 * and a link to it always name the same site. The manifest's default matches (which cannot
 * import) are held to these hosts by test/unit/sites.test.ts.
 */
import { t } from './i18n';

/** Which adapter recognised the page a recording was watched on: every value a stored `site` may hold. */
export const SITE_IDS = ['html5', 'youtube', 'vimeo'] as const;
export type SiteId = (typeof SITE_IDS)[number];

/** Each site's name as the user reads it (a getter where the name is a word, read in the language shown). */
export const SITE_NAMES: Readonly<Record<SiteId, string>> = {
  youtube: 'YouTube',
  vimeo: 'Vimeo',
  get html5() {
    return t('sites_webPage');
  },
};

/** Hosts whose pages (watch, embed, mobile, Music, Kids, privacy-enhanced embeds) show YouTube's player. */
const YOUTUBE_HOSTS = new Set([
  'youtube.com', 'www.youtube.com', 'm.youtube.com', 'music.youtube.com',
  'youtube-nocookie.com', 'www.youtube-nocookie.com', 'youtubekids.com', 'www.youtubekids.com',
]);
/** Hosts whose pages show Vimeo's player: the site and the embeddable player. */
const VIMEO_HOSTS = new Set(['vimeo.com', 'www.vimeo.com', 'player.vimeo.com']);

/** The site a page on `hostname` belongs to (lower-case, as URL gives it); `html5` for any other. */
export function siteOfHost(hostname: string): SiteId {
  if (YOUTUBE_HOSTS.has(hostname)) return 'youtube';
  if (VIMEO_HOSTS.has(hostname)) return 'vimeo';
  return 'html5';
}

/** YouTube's short-link host: its links name a video, but no player page is served there. */
export const YOUTUBE_SHORT_LINK_HOST = 'youtu.be';
