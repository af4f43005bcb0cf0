import type { ComponentChild, VNode } from 'preact';
import { t, type MessageKey, type Substitution } from '../../core/i18n';

/** Marks an element's place in a message: private-use characters no translation or value contains. */
const MARK = '\uE000';

/**
 * A message with elements in it (a `<code>` file name, a `<kbd>` shortcut): each element is a
 * substitution like any other, so translators keep the whole sentence and put it where their word
 * order wants it; the text is split around its place, never glued from fragments in code.
 */
export function withElements(key: MessageKey, ...values: (Substitution | VNode)[]): ComponentChild[] {
  const text = t(key, ...values.map((value, i) => (typeof value === 'object' ? `${MARK}${i}${MARK}` : value)));
  return text.split(new RegExp(`${MARK}(\\d+)${MARK}`)).map((part, i) => (i % 2 === 1 ? values[Number(part)] : part));
}
