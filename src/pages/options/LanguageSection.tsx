import { useEffect, useState } from 'preact/hooks';
import { LANGUAGES, t, translator, type Language, type MessageKey } from '../../core/i18n';
import { browserLanguage, loadLanguageChoice, saveLanguageChoice, type LanguageChoice } from '../../platform/ui-language';

const nameKey = (lang: Language) => `languageName_${lang}` as MessageKey;
/** A language's name in the shown language. */
export const languageName = (lang: Language): string => t(nameKey(lang));
/** A language's name in itself ("Türkçe"), so a user lost in a foreign UI finds theirs. */
const autonym = (lang: Language): string => translator(lang).t(nameKey(lang));

/**
 * The language the extension's pages show: the browser's by default, or one chosen here. Every open
 * page switches at once (shared/language.tsx); summaries choose their own language when exported.
 */
export function LanguageSection() {
  const [choice, setChoice] = useState<LanguageChoice | null>(null);
  useEffect(() => {
    void loadLanguageChoice().then(setChoice);
  }, []);
  return (
    <section aria-labelledby="language-heading">
      <h2 id="language-heading">{t('options_languageHeading')}</h2>
      <label class="row">
        <span>{t('options_languageLabel')}</span>
        <select
          id="ui-language"
          value={choice ?? 'auto'}
          disabled={choice === null}
          onChange={(event) => {
            const next = event.currentTarget.value as LanguageChoice;
            setChoice(next);
            void saveLanguageChoice(next);
          }}
        >
          <option value="auto">{t('languageAuto', languageName(browserLanguage()))}</option>
          {LANGUAGES.map((lang) => (
            <option key={lang} value={lang} lang={lang}>
              {autonym(lang) === languageName(lang) ? autonym(lang) : `${autonym(lang)} (${languageName(lang)})`}
            </option>
          ))}
        </select>
      </label>
      <p class="muted">{t('options_languageHint')}</p>
    </section>
  );
}
