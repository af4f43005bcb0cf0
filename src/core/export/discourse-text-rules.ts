/**
 * Discourse's rules that find @mentions, #hashtags and :emoji: in a post, as a markdown-it plugin
 * (discourse-markdown.ts uses it). Modelled on discourse/discourse (read, not copied):
 * - pretty-text/addon/text-replace.js: the rules see text tokens only, after Markdown has parsed
 *   (escapes gone); mentions and hashtags skip every link, emoji only autolinks.
 * - discourse-markdown-it/src/features/text-post-process.js: one regex of all rules; a match
 *   counts only where the character before it and the one after it are whitespace
 *   (utils.isWhiteSpace) or punctuation (utils.isPunctChar), or the text token starts or ends.
 *   So `_`, a punctuation character, is a boundary: `x_@bob` mentions @bob.
 * - pretty-text mentionRegex (unicode_usernames off, the default), hashtag-autocomplete.js's
 *   matcher.
 * - discourse-markdown-it/src/features/emoji.js getEmojiName: `:` after a space, a tab or
 *   punctuation (enable_inline_emoji_translation off, the default), a name of up to 60
 *   characters, `:`. Any name in emoji characters counts as an emoji here, a superset of the
 *   forum's list. Its `:)`-style shortcuts are not modelled.
 *
 * Each becomes a token of its own (`discourse_mention`, `discourse_hashtag`, `discourse_emoji`, the
 * text in `content`, an emoji's name without its colons) rather than raw HTML, so a renderer that
 * builds DOM nodes (the Summary tab's preview) can show it as text; markdown-it's HTML renderer
 * writes each as Discourse does before the server resolves it: `<span class="mention">`,
 * `<span class="hashtag-raw">`, `<img class="emoji" alt=":name:">` (tests count them).
 */
import type { MarkdownIt, StateCore, Token } from 'markdown-it';

/** The token types this plugin adds. */
export const DISCOURSE_TOKENS = { mention: 'discourse_mention', hashtag: 'discourse_hashtag', emoji: 'discourse_emoji' } as const;

const MENTION = /@(\w[\w.-]{0,58}[^\W_])|@(\w)/;
const HASHTAG = /#([\u00C0-\u1FFF\u2C00-\uD7FF\w:-]{1,101})/;
const MAX_EMOJI_NAME = 60;
const EMOJI_NAME = /^[a-z0-9_+-]+(?::t[2-6])?$/;

type Replace = (content: string, state: StateCore) => Token[] | null;

function token(state: StateCore, type: string, content: string): Token {
  const made = new state.Token(type, '', 0);
  made.content = content;
  return made;
}

const text = (state: StateCore, content: string): Token => token(state, 'text', content);

/** text-replace.js: `replace` on each text token outside links (all links, or only autolinks). */
function textReplace(state: StateCore, replace: Replace, skipAllLinks: boolean): void {
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    let linkLevel = 0;
    for (let i = block.children.length - 1; i >= 0; i--) {
      const token = block.children[i] as Token;
      if (token.type === 'link_open' || token.type === 'link_close') {
        if (skipAllLinks || token.info === 'auto') linkLevel -= token.nesting;
      } else if (skipAllLinks && token.type === 'html_inline') {
        if (/^<a(\s.*)?>/i.test(token.content)) linkLevel++;
        else if (token.content.slice(0, 4).toLowerCase() === '</a>') linkLevel--;
      }
      if (token.type === 'text' && linkLevel === 0) {
        const split = replace(token.content, state);
        if (split) block.children = state.md.utils.arrayReplaceAt(block.children, i, split);
      }
    }
  }
}

function boundary(state: StateCore, content: string, index: number): boolean {
  const code = content.charCodeAt(index);
  return state.md.utils.isWhiteSpace(code) || state.md.utils.isPunctChar(String.fromCharCode(code));
}

/** text-post-process.js with the mention and hashtag rules. */
const mentionsAndHashtags: Replace = (content, state) => {
  const matcher = new RegExp(`(${MENTION.source})|(${HASHTAG.source})`, 'g');
  let result: Token[] | null = null;
  let pos = 0;
  let match: RegExpExecArray | null;
  while ((match = matcher.exec(content))) {
    if (match.index < pos) break;
    if (match.index > 0 && !boundary(state, content, match.index - 1)) continue;
    const end = match.index + match[0].length;
    if (end < content.length && !boundary(state, content, end)) continue;
    result ??= [];
    if (match.index > pos) result.push(text(state, content.slice(pos, match.index)));
    result.push(token(state, match[1] ? DISCOURSE_TOKENS.mention : DISCOURSE_TOKENS.hashtag, match[0]));
    pos = end;
  }
  if (result && pos < content.length) result.push(text(state, content.slice(pos)));
  return result;
};

/** emoji.js getEmojiName: the name after the `:` at `pos`, when Discourse would look it up. */
function emojiName(state: StateCore, content: string, pos: number): string | undefined {
  if (content.charCodeAt(pos) !== 58) return undefined;
  if (pos > 0) {
    const prev = content.charCodeAt(pos - 1);
    if (!state.md.utils.isSpace(prev) && !state.md.utils.isPunctChar(String.fromCharCode(prev))) return undefined;
  }
  const start = pos + 1;
  if (content.charCodeAt(start) === 58) return undefined;
  let length = 0;
  while (length < MAX_EMOJI_NAME) {
    length++;
    if (content.charCodeAt(start + length) === 58) {
      if (/^t[2-6]:/.test(content.slice(start + length + 1, start + length + 4))) length += 3;
      break;
    }
    if (start + length > content.length) return undefined;
  }
  if (length === MAX_EMOJI_NAME) return undefined;
  return content.slice(start, start + length);
}

const emoji: Replace = (content, state) => {
  let result: Token[] | null = null;
  let start = 0;
  for (let i = 0; i < content.length - 1; i++) {
    const name = emojiName(state, content, i);
    if (name === undefined || !EMOJI_NAME.test(name.toLowerCase())) continue;
    result ??= [];
    if (i > start) result.push(text(state, content.slice(start, i)));
    result.push(token(state, DISCOURSE_TOKENS.emoji, name));
    start = i + name.length + 2;
    i = start - 1;
  }
  if (result && start < content.length) result.push(text(state, content.slice(start)));
  return result;
};

/** The plugin: Discourse pushes both rules after markdown-it's own core rules. */
export function discourseTextRules(md: MarkdownIt): void {
  md.core.ruler.push('discourse-text-post-process', (state) => textReplace(state, mentionsAndHashtags, true));
  md.core.ruler.push('discourse-emoji', (state) => textReplace(state, emoji, false));
  const { escapeHtml } = md.utils;
  const content = (tokens: Token[], idx: number): string => escapeHtml((tokens[idx] as Token).content);
  md.renderer.rules[DISCOURSE_TOKENS.mention] = (tokens, idx) => `<span class="mention">${content(tokens, idx)}</span>`;
  md.renderer.rules[DISCOURSE_TOKENS.hashtag] = (tokens, idx) => `<span class="hashtag-raw">${content(tokens, idx)}</span>`;
  md.renderer.rules[DISCOURSE_TOKENS.emoji] = (tokens, idx) => `<img class="emoji" alt=":${content(tokens, idx)}:">`;
}
