/**
 * A caption track's language as a player names it: a BCP 47 tag in its usual form (RFC 5646
 * §2.1: subtags of letters and digits, 1 to 8 each, joined by "-"; "en", "pt-BR", "zh-Hant",
 * "es-419"), at most MAX_NAME_CHARS characters. Anything else from a page is not a language.
 */
import { MAX_NAME_CHARS } from './limits';

const TAG = /^[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*$/;

/** Whether `value` is a language tag a caption track may carry. */
export function isCaptionLang(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_NAME_CHARS && TAG.test(value);
}
