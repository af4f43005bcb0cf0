/**
 * The pages' language as a context (provided by language.tsx at each page's root), apart from the
 * code that reads the stored choice, so a component can follow it without importing the extension API.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { DEFAULT_LANGUAGE, type Language } from '../../core/i18n/languages';

export const LanguageContext = createContext<Language>(DEFAULT_LANGUAGE);

/**
 * The pages' language, for a component that must re-render when it changes although its props do
 * not (a `memo` one): reading the context subscribes it.
 */
export function useLanguage(): Language {
  return useContext(LanguageContext);
}
