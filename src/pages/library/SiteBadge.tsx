import type { SiteId } from '../../core/model';
import { SITE_NAMES } from '../../core/sites';

export function SiteBadge({ site }: { site: SiteId }) {
  return <span class={`site-badge site-${site}`}>{SITE_NAMES[site]}</span>;
}
