/**
 * Discourse's `[details="Summary"]` … `[/details]` folding as a markdown-it block rule, the form the
 * forum post writes (forum.ts, the Q&A folded away). Modelled on discourse/discourse (read, not
 * copied): discourse-markdown-it/src/features/bbcode-block.js (applyBBCode, parseBBCodeTag,
 * findBlockCloseTag) and plugins/discourse-details (the `details` rule):
 * - the opening tag starts a line (indented less than a code block) and nothing but spaces follows
 *   it; the tag name is case-insensitive; `="…"` gives the summary, surrounding quotes dropped;
 * - the block ends at the first `[/details]` alone on a line (nested `[details]` blocks counted),
 *   not past a line indented less than the block; left unclosed it is no block (the text stays);
 * - what is between is parsed as Markdown blocks, the summary is plain text;
 * - rendered `<details><summary>Summary</summary>…</details>`, closed.
 * Not modelled: the one-line form `[details=x]text[/details]`, and other attributes (`open`).
 */
import type { MarkdownIt, StateBlock } from 'markdown-it';

const OPEN = /^\[details(?![a-z])([^\]]*)\]/i;
const CLOSE = /^\[\/details\]/i;

/** The summary of an opening tag at the start of `line`, with where the tag ends; null if none. */
function openTag(line: string): { summary: string; length: number } | null {
  const match = OPEN.exec(line);
  if (!match) return null;
  // bbcode-block.js's ATTR_REGEX: "=" then the rest, trimmed, one pair of quotes around it dropped.
  const attrs = /^\s*=(.+)$/.exec(match[1] as string);
  const summary = attrs ? (attrs[1] as string).trim().replace(/^["'“”](.*)["'“”]$/, '$1') : '';
  return { summary, length: match[0].length };
}

const blankFrom = (text: string, from: number): boolean => text.slice(from).trim() === '';

/** The line of the `[/details]` that closes a block opened before `from`, or undefined. */
function closingLine(state: StateBlock, from: number, endLine: number): number | undefined {
  let nesting = 0;
  for (let line = from; line < endLine; line++) {
    const start = (state.bMarks[line] as number) + (state.tShift[line] as number);
    const text = state.src.slice(start, state.eMarks[line]);
    // A non-empty line indented less than the block (a list item's) ends it.
    if (text !== '' && (state.sCount[line] as number) < state.blkIndent) return undefined;
    if ((state.sCount[line] as number) - state.blkIndent >= 4) continue;
    const close = CLOSE.exec(text);
    if (close && blankFrom(text, close[0].length)) {
      if (nesting === 0) return line;
      nesting--;
    }
    const open = openTag(text);
    if (open && blankFrom(text, open.length)) nesting++;
  }
  return undefined;
}

function details(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if ((state.sCount[startLine] as number) - state.blkIndent >= 4) return false;
  const start = (state.bMarks[startLine] as number) + (state.tShift[startLine] as number);
  const text = state.src.slice(start, state.eMarks[startLine]);
  const open = openTag(text);
  if (!open) return false;
  // As Discourse: the tag alone is enough to end a paragraph, even where no block follows.
  if (silent) return true;
  if (!blankFrom(text, open.length)) return false;
  const close = closingLine(state, startLine + 1, endLine);
  if (close === undefined) return false;

  const lineMax = state.lineMax;
  // No lazy continuation line runs past the closing tag.
  state.lineMax = close;
  const opened = state.push('bbcode_open', 'details', 1);
  opened.map = [startLine, close];
  state.push('bbcode_open', 'summary', 1);
  state.push('text', '', 0).content = open.summary;
  state.push('bbcode_close', 'summary', -1);
  state.md.block.tokenize(state, startLine + 1, close);
  state.push('bbcode_close', 'details', -1);
  state.lineMax = lineMax;
  state.line = close + 1;
  return true;
}

/** The plugin: the rule runs after fenced code and may end a paragraph, list or blockquote, as Discourse's. */
export function discourseDetails(md: MarkdownIt): void {
  md.block.ruler.after('fence', 'discourse-details', details, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
}
