/**
 * A Markdown export as its reader will see it: the forum post as a Discourse forum renders it
 * (src/core/export/discourse-markdown.ts, raw HTML off), the Markdown file as a CommonMark reader
 * does. markdown-it parses; its tokens become preact elements here, never an HTML string: text is
 * always a text node, only the elements Markdown makes (an allow-list) are built, and links keep
 * markdown-it's validateLink (no `javascript:` link), open in a new tab without an opener or a
 * referrer. Images are not loaded (the exports write none; a picture from the web would tell its
 * server that the summary was opened): one shows as a placeholder naming it.
 *
 * Loaded on demand by SummaryView (markdown-it is the size of the rest of the panel).
 */
import { h, type ComponentChild } from 'preact';
import { useMemo } from 'preact/hooks';
import markdownIt, { type MarkdownIt, type Token } from 'markdown-it';
import { DISCOURSE_TOKENS, discourseMarkdownIt } from '../../core/export/discourse-markdown';
import { t } from '../../core/i18n';
import { useLanguage } from './use-language';

export type RenderedFormat = 'forum' | 'markdown';

const READERS: Record<RenderedFormat, MarkdownIt> = {
  forum: discourseMarkdownIt({ html: false }),
  markdown: markdownIt('commonmark', { html: false }),
};

/** The elements Markdown (and Discourse's `[details]`) make; any other tag keeps only its content. */
const TAGS = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'strong', 'em', 's', 'a', 'code', 'pre',
  'table', 'thead', 'tbody', 'tr', 'th', 'td', 'details', 'summary', 'hr', 'br',
]);
/** Blocks of text: each takes its direction from its own first strong character (dir="auto"). */
const TEXT_BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote', 'summary', 'th', 'td']);

type Props = Record<string, string>;

function attr(token: Token, name: string): string | null {
  const value = token.attrGet(name);
  return value === null ? null : String(value);
}

/** The attributes kept from a token, and those added for the preview. */
function propsOf(token: Token, tag: string): Props {
  const props: Props = {};
  const href = attr(token, 'href');
  if (tag === 'a' && href !== null) Object.assign(props, { href, target: '_blank', rel: 'noopener noreferrer' });
  const title = attr(token, 'title');
  if (title !== null) props.title = title;
  const start = attr(token, 'start');
  if (tag === 'ol' && start !== null) props.start = start;
  // A table column's alignment, the one style markdown-it writes.
  const align = /^text-align:(left|center|right)$/.exec(attr(token, 'style') ?? '');
  if (align) props.style = `text-align: ${align[1] as string}`;
  if (TEXT_BLOCKS.has(tag)) props.dir = 'auto';
  return props;
}

interface Open {
  /** null: a token whose element is not shown (a tight list's paragraph, a tag not allowed). */
  tag: string | null;
  props: Props;
  children: ComponentChild[];
}

/** markdown-it's tokens as elements, as its HTML renderer would write them. */
function elementsOf(tokens: readonly Token[], breaks: boolean): ComponentChild[] {
  const stack: Open[] = [{ tag: null, props: {}, children: [] }];
  const add = (...children: ComponentChild[]) => (stack.at(-1) as Open).children.push(...children);
  const walk = (list: readonly Token[]) => {
    for (const token of list) {
      if (token.nesting === 1) {
        const tag = token.hidden || !TAGS.has(token.tag) ? null : token.tag;
        stack.push({ tag, props: tag ? propsOf(token, tag) : {}, children: [] });
      } else if (token.nesting === -1) {
        if (stack.length === 1) continue;
        const open = stack.pop() as Open;
        if (open.tag) add(h(open.tag, open.props, ...open.children));
        else add(...open.children);
      } else {
        leaf(token);
      }
    }
  };
  const leaf = (token: Token) => {
    switch (token.type) {
      case 'inline':
        walk(token.children ?? []);
        return;
      case 'softbreak':
        add(...(breaks ? [h('br', null), '\n'] : ['\n']));
        return;
      case 'hardbreak':
        add(h('br', null), '\n');
        return;
      case 'hr':
        add(h('hr', null));
        return;
      case 'code_inline':
        add(h('code', null, token.content));
        return;
      case 'code_block':
      case 'fence':
        add(h('pre', null, h('code', null, token.content)));
        return;
      case 'image':
        add(h('span', { class: 'md-image', title: attr(token, 'src') ?? '' }, t('summary_picture', token.content)));
        return;
      case DISCOURSE_TOKENS.mention:
        add(h('span', { class: 'mention', title: t('summary_mentionTitle') }, token.content));
        return;
      case DISCOURSE_TOKENS.hashtag:
        add(h('span', { class: 'hashtag', title: t('summary_hashtagTitle') }, token.content));
        return;
      case DISCOURSE_TOKENS.emoji:
        add(h('span', { class: 'emoji', title: t('summary_emojiTitle') }, `:${token.content}:`));
        return;
      default:
        // text, and raw HTML if a reader ever parsed it: shown as text.
        add(token.content);
    }
  };
  walk(tokens);
  return (stack[0] as Open).children;
}

/** `markdown` rendered as the reader of `format` shows it. */
export function RenderedMarkdown({ format, markdown }: { format: RenderedFormat; markdown: string }) {
  // The placeholders' and tooltips' words are the pages': made again when their language changes.
  const lang = useLanguage();
  const children = useMemo(() => {
    const reader = READERS[format];
    return elementsOf(reader.parse(markdown, {}), reader.options.breaks ?? false);
  }, [format, markdown, lang]);
  return <>{children}</>;
}
