/**
 * Chrome's rules for a message's dollar signs, so a message reads the same through our accessor
 * as through `chrome.i18n.getMessage`: `$$` is one `$`; `$name$` is the content of the placeholder
 * `name` (case-insensitive); `$1`…`$9`, in a placeholder's content or in the message itself, are
 * the substitutions. One pass over the text, so a substitution's own `$` signs stay as typed.
 */
import type { CatalogEntry } from './catalog';

const DOLLARS = /\$\$|\$([A-Za-z0-9_@]+)\$|\$([1-9])/g;

/**
 * The message with its placeholders filled; `literal` is applied to the message's own words (not
 * to substituted values), which is how the pseudo-locale lengthens only what translators write.
 */
export function substitute(entry: CatalogEntry, substitutions: readonly string[], literal: (text: string) => string = (text) => text): string {
  const fill = (text: string, inPlaceholder: boolean): string => {
    let out = '';
    let last = 0;
    for (const match of text.matchAll(DOLLARS)) {
      const index = match.index;
      out += inPlaceholder ? text.slice(last, index) : literal(text.slice(last, index));
      last = index + match[0].length;
      if (match[0] === '$$') out += '$';
      else if (match[2] !== undefined) out += substitutions[Number(match[2]) - 1] ?? '';
      else {
        const placeholder = entry.placeholders?.[(match[1] as string).toLowerCase()];
        out += placeholder ? fill(placeholder.content, true) : '';
      }
    }
    const rest = text.slice(last);
    return out + (inPlaceholder ? rest : literal(rest));
  };
  return fill(entry.message, false);
}
