/**
 * Each page's language: chosen before its first render, set on the document (`lang`, `dir`, the
 * title from `titleKey`) so screen readers and hyphenation read it right, and changed in place when
 * the user picks another in the settings (every open page re-renders; no reload, no lost state).
 */
import { render, type ComponentChild } from 'preact';
import { setUiLanguage, t, type Language, type MessageKey } from '../../core/i18n';
import { languageOf, loadLanguageChoice, onLanguageChoice } from '../../platform/ui-language';
import { LanguageContext } from './use-language';

/** Right-to-left languages (none yet shipped; the document's `dir` follows them when one is). */
const RTL = new Set<string>(['ar', 'he', 'fa', 'ur']);


function apply(lang: Language, titleKey: MessageKey): void {
  setUiLanguage(lang);
  document.documentElement.lang = lang;
  document.documentElement.dir = RTL.has(lang) ? 'rtl' : 'ltr';
  document.title = t(titleKey);
}

/**
 * Renders `app()` into `root` in the chosen language, and again each time the user chooses
 * another: a fresh render from the root makes every component read its words again, while Preact
 * keeps the state of each one (the text being typed stays).
 */
export async function renderInLanguage(titleKey: MessageKey, root: HTMLElement, app: () => ComponentChild): Promise<void> {
  const show = (lang: Language) => {
    apply(lang, titleKey);
    render(<LanguageContext.Provider value={lang}>{app()}</LanguageContext.Provider>, root);
  };
  onLanguageChoice((choice) => show(languageOf(choice)));
  show(languageOf(await loadLanguageChoice().catch(() => 'auto' as const)));
}
