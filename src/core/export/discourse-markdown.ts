/**
 * markdown-it set up as a Discourse forum sets it up by default, so that what the forum post
 * (forum.ts) becomes on the forum can be seen before posting (the Summary tab's preview) and
 * tested (test/unit/export). From discourse/discourse (read, not copied): discourse-markdown-it
 * setup.js and engine.js, site_settings.yml:
 * - breaks on (traditional_markdown_linebreaks: false): a newline is a line break;
 * - linkify on, with markdown_linkify_tlds' default list and fuzzy links (Discourse 3.x ships
 *   markdown-it 14.0 with linkify-it 5, where fuzzyLink is on; linkify-it 6 turned it off), so a
 *   bare `example.com/docs` is a link;
 * - typographer on (enable_markdown_typographer: true): smart quotes, "(c)" as ©, "--" as –;
 * - a link's shown text decoded keeping `;/?:@&=+$,# ` encoded (setupUrlDecoding);
 * - Discourse's own rules: @mentions, #hashtags and :emoji: (discourse-text-rules.ts), and
 *   `[details="…"]` folding (discourse-details.ts).
 * - raw HTML: Discourse allows it and then sanitises it to an allow-list. Here `html` says whether
 *   raw HTML is parsed at all: off for anything shown (it stays text), on only where a test wants
 *   to see any HTML an export lets through.
 * Links keep markdown-it's validateLink: no `javascript:`, `vbscript:`, `file:` or `data:` link
 * (but for a few image types). Not modelled: oneboxes (a URL alone on its line becomes a player or
 * card on the forum; here it is a link), emoji images and `:)`-style shortcuts, a forum's own
 * settings.
 */
import markdownIt, { type MarkdownIt } from 'markdown-it';
import { discourseDetails } from './discourse-details';
import { discourseTextRules } from './discourse-text-rules';

export { DISCOURSE_TOKENS } from './discourse-text-rules';

/** markdown_linkify_tlds' default value. */
const DISCOURSE_TLDS = ['com', 'net', 'org', 'io', 'onion', 'co', 'tv', 'ru', 'cn', 'us', 'uk', 'me', 'de', 'fr', 'fi', 'gov'];
/** What setupUrlDecoding leaves encoded in a link's text: mdurl's decode default plus space. */
const KEPT_ENCODED = ';/?:@&=+$,# ';

/** A new markdown-it that reads Markdown as a Discourse forum with default settings does. */
export function discourseMarkdownIt(options: { html: boolean }): MarkdownIt {
  const md = markdownIt({ html: options.html, breaks: true, linkify: true, typographer: true });
  md.linkify.set({ fuzzyLink: true });
  md.linkify.tlds(DISCOURSE_TLDS);
  // Discourse changes mdurl's default for every renderer on the page; here only this one sees it.
  const { decode } = md.utils.lib.mdurl;
  const normalizeLinkText = md.normalizeLinkText.bind(md);
  md.normalizeLinkText = (url) => {
    const before = decode.defaultChars;
    decode.defaultChars = KEPT_ENCODED;
    try {
      return normalizeLinkText(url);
    } finally {
      decode.defaultChars = before;
    }
  };
  md.use(discourseTextRules);
  md.use(discourseDetails);
  return md;
}
