import { useEffect, useRef, useState } from 'preact/hooks';
import { optInPatterns, patternSite, siteFromInput } from '../../core/site-patterns';
import browser from '../../platform/browser';
import { defaultMatches } from '../../platform/manifest';
import { siteFailedText } from '../../core/feedback-text';
import { t } from '../../core/i18n';

/** "https://forum.example/*" as the user thinks of it: the host, and the scheme when it is plain http. */
function siteLabel(pattern: string): string {
  const site = patternSite(pattern);
  if (!site) return pattern;
  return site.scheme === 'http' ? t('options_siteHttp', site.host) : site.host;
}

/**
 * The sites beyond YouTube and Vimeo where Webinar Notes runs: each one a host permission the user
 * granted (the background registers the content script there). Added here by address, or from the
 * popup on the site itself; removed here, or in the browser's own extension settings.
 */
export function SitesSection() {
  const [sites, setSites] = useState<string[] | null>(null);
  const [address, setAddress] = useState('');
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const read = () => void browser.permissions.getAll().then((all) => setSites(optInPatterns(all.origins ?? [], defaultMatches())));
    read();
    // Granted or revoked anywhere (the popup, the browser's settings): the list follows.
    browser.permissions.onAdded.addListener(read);
    browser.permissions.onRemoved.addListener(read);
    return () => {
      browser.permissions.onAdded.removeListener(read);
      browser.permissions.onRemoved.removeListener(read);
    };
  }, []);

  const add = (event: Event) => {
    event.preventDefault();
    const site = siteFromInput(address, defaultMatches());
    if (!site.ok) {
      setStatus({ ok: false, text: site.message });
      return;
    }
    setStatus({ ok: true, text: t('options_siteAsking', site.host) });
    // Asked at once, inside the click: browsers only ask for a permission during a user action.
    browser.permissions.request({ origins: [site.pattern] }).then(
      (granted) => {
        if (!granted) {
          setStatus({ ok: false, text: t('options_siteRefused', site.host) });
          return;
        }
        setAddress('');
        setStatus({ ok: true, text: t('options_siteAdded', site.host) });
      },
      (error: unknown) => setStatus({ ok: false, text: siteFailedText(site.host, 'added', error) }),
    );
  };

  const remove = (pattern: string) => {
    // Its row, with the focused button, is about to go.
    input.current?.focus();
    browser.permissions.remove({ origins: [pattern] }).then(
      (removed) =>
        setStatus(
          removed
            ? { ok: true, text: t('options_siteRemoved', siteLabel(pattern)) }
            : { ok: false, text: t('options_siteKept', siteLabel(pattern)) },
        ),
      (error: unknown) => setStatus({ ok: false, text: siteFailedText(siteLabel(pattern), 'removed', error) }),
    );
  };

  return (
    <section aria-labelledby="sites-heading">
      <h2 id="sites-heading">{t('options_sitesHeading')}</h2>
      <p class="muted">{t('options_sitesHint')}</p>
      {sites !== null &&
        (sites.length === 0 ? (
          <p class="muted sites-empty">{t('options_noOtherSites')}</p>
        ) : (
          <ul class="sites" aria-label={t('options_otherSites')}>
            {sites.map((pattern) => (
              <li key={pattern}>
                <span class="site-name">{siteLabel(pattern)}</span>
                <button type="button" class="quiet" onClick={() => remove(pattern)} aria-label={t('options_removeSite', siteLabel(pattern))}>
                  {t('options_remove')}
                </button>
              </li>
            ))}
          </ul>
        ))}
      <form class="row" onSubmit={add}>
        <label for="site-address">{t('options_addSite')}</label>
        <input
          id="site-address"
          ref={input}
          type="text"
          inputMode="url"
          autoComplete="off"
          spellcheck={false}
          placeholder={t('options_siteExample')}
          value={address}
          onInput={(event) => setAddress(event.currentTarget.value)}
        />
        <button type="submit">{t('options_allowSite')}</button>
      </form>
      {/* Always there, so screen readers follow it from the first message on. */}
      <p class={`sites-status${status?.ok === false ? ' error' : ''}`} role="status">
        {status?.text}
      </p>
    </section>
  );
}
