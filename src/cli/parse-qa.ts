/** `webinar-notes parse-qa`: the Paste Q&A parser's result, as JSON for scripts and bug reports. */
import { parseQaPaste } from '../core/qa-paste';

export function parseQaCommand(text: string): string {
  return JSON.stringify(parseQaPaste(text), null, 2);
}
