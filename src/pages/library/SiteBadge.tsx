import type { SiteId } from '../../core/model';

export const SITE_NAMES: Record<SiteId, string> = { youtube: 'YouTube', vimeo: 'Vimeo', html5: 'Web page' };

export function SiteBadge({ site }: { site: SiteId }) {
  return <span class={`site-badge site-${site}`}>{SITE_NAMES[site]}</span>;
}
