/**
 * The summary post for a Discourse forum: title and date, the recording (a bare URL on its own
 * line, which Discourse turns into a player "onebox"), speakers, key points with timestamp links,
 * and the Q&A. Everything typed is escaped (markdown-escape.ts) so the post shows it as typed.
 * No `[quote="Name"]` blocks: Discourse splits their attribute on commas ("Smith, Jr.").
 */
import { forumUsername } from '../discourse';
import type { Translator } from '../i18n';
import { picturesText } from './illustrated';
import { type ExportInput, type ExportLanguage, exportWords, oneLine } from './input';
import { markdownText } from './markdown-escape';
import {
  type OutlineNote, type OutlineQuestion, type OutlineSpeaker, type OutlineTime, type Paragraphs,
  summaryOutline, type SummaryOutline,
} from './outline';

/** `lang`: the post's headings and date; `uiLang`: its warnings. */
export interface ForumPostOptions extends ExportLanguage {
  /** Key points in time order, or under a `### Name` heading per speaker. */
  grouping: 'time' | 'speaker';
  /** Timestamps (of notes, questions and answers) as links into the recording; off keeps links to one. */
  noteLinks: boolean;
  /** Wrap the Q&A in a collapsed `[details]` block. */
  qaInDetails: boolean;
  /**
   * Write speakers' handles as @mentions (which notify them); a handle that is no forum username
   * (forumUsername) is written as plain text, with a warning. Off: no @handle at all.
   */
  mentions: boolean;
  /**
   * How many pictures the recording's handout holds (illustrated.ts `pictureCounts`): pictures
   * cannot travel in a post, so the post names them in a last line. Absent or none: no line.
   */
  pictures?: { slides: number; frames: number };
}

export interface ForumPost {
  text: string;
  /** In Unicode code points, as Discourse counts a post's length. */
  characters: number;
  /** Every http(s) link in the post, the oneboxed recording URL included. */
  links: number;
  warnings: string[];
}

/** Discourse's default max_post_length. */
export const FORUM_MAX_CHARACTERS = 32_000;
/** Discourse's default newuser_max_links: what a new account may post. */
export const FORUM_NEW_USER_MAX_LINKS = 2;

/** Builds the post, counting links as they are written. */
class Writer {
  links = 0;
  readonly lines: string[] = [];
  constructor(
    private readonly noteLinks: boolean,
    /** The post's own words. */
    readonly words: Translator,
  ) {}

  /** Typed text as Markdown on one line; `lineStart` when it begins an output line. */
  text(typed: string, lineStart = false): string {
    return markdownText(oneLine(typed), lineStart, { forum: true, onLink: () => this.links++ });
  }

  /**
   * Paragraphs as the user broke them: lines (a newline is a break in Discourse) and paragraphs;
   * lines after the first are indented by `indent` to stay in a list item.
   */
  block(text: Paragraphs, indent: string): string {
    return text.map((lines) => lines.map((line) => this.text(line, true)).join(`\n${indent}`)).join(`\n\n${indent}`);
  }

  /**
   * A note's quote as a blockquote under it, each line `> ` after `indent` (which keeps it inside
   * the list item), paragraphs apart by a bare `>`; escaped like all typed text.
   */
  quote(text: Paragraphs, indent: string): string {
    return text.map((lines) => lines.map((line) => `${indent}> ${this.text(line, true)}`).join('\n')).join(`\n${indent}>\n`);
  }

  /** `[12:34](link)`, or just `12:34` when links are off or the recording has no linkable URL. */
  time(at: OutlineTime): string {
    // linkAt's URL holds no parenthesis, space or backslash, so it can stand as the destination.
    if (!this.noteLinks || !at.url) return at.label;
    this.links++;
    return `[${at.label}](${at.url})`;
  }
}

function header(w: Writer, outline: SummaryOutline): void {
  w.lines.push(`# ${w.text(outline.title)}${outline.date ? ` — ${w.text(outline.date)}` : ''}`, '');
  if (outline.description.length > 0) w.lines.push(w.block(outline.description, ''), '');
  if (outline.organiser) w.lines.push(w.words.t('export_hostedBy', w.text(outline.organiser)), '');
  // Bare on its line, so Discourse oneboxes it; exportUrl leaves no markup in it to be read.
  if (outline.url) {
    w.links++;
    w.lines.push(outline.url, '');
  }
}

function speakerLine(w: Writer, speaker: OutlineSpeaker, mentions: boolean, warnings: string[], ui: Translator): string {
  let line = `- **${w.text(speaker.name)}**`;
  if (speaker.affiliation) line += ` — ${w.text(speaker.affiliation)}`;
  const { handle } = speaker;
  if (mentions && handle) {
    const username = forumUsername(handle);
    if (username) line += ` (@${username})`;
    else {
      // As text (the word joiner keeps it from mentioning anyone), so the reader still sees it.
      line += ` (${w.text(`@${handle}`)})`;
      warnings.push(ui.t('export_warnNotUsername', handle, speaker.name));
    }
  }
  return line;
}

/** A key point; in time order it names its speaker, under a speaker's heading it need not. */
function noteLine(w: Writer, note: OutlineNote, namesSpeaker: boolean): string {
  const text = w.block(note.text, '  ');
  const who = namesSpeaker && note.speaker !== null ? ` **${w.text(note.speaker)}**:` : '';
  const quote = note.quote.length > 0 ? `\n${w.quote(note.quote, '  ')}` : '';
  return `- ${w.time(note.at)}${who}${text ? ` ${text}` : ''}${quote}`;
}

function keyPoints(w: Writer, outline: SummaryOutline, grouping: ForumPostOptions['grouping']): void {
  w.lines.push(`## ${w.words.t('export_keyPoints')}`, '');
  if (outline.notes.length === 0) {
    w.lines.push(w.words.t('export_noNotesYet'), '');
    return;
  }
  const groups = grouping === 'speaker' ? outline.notesBySpeaker : [{ heading: null, notes: outline.notes }];
  for (const group of groups) {
    if (group.heading !== null) w.lines.push(`### ${w.text(group.heading)}`, '');
    w.lines.push(...group.notes.map((note) => noteLine(w, note, grouping === 'time')), '');
  }
}

function qaItem(w: Writer, item: OutlineQuestion): string[] {
  const time = item.at ? `${w.time(item.at)} ` : '';
  // Bold cannot span a blank line: the question's paragraphs are written as lines.
  const question = w.block([item.question.flat()], '');
  const asked = item.askedBy ? ` — ${w.words.t('export_askedBy', w.text(item.askedBy))}` : '';
  const lines = [`**${time}${question}**${asked}`];
  if (item.answers.length === 0) lines.push(`- ${w.words.t('export_notAnswered')}`);
  for (const answer of item.answers) {
    const at = answer.at ? ` (${w.time(answer.at)})` : '';
    lines.push(`- **${w.text(answer.by)}**${at}: ${w.block(answer.text, '  ')}`);
  }
  return [...lines, ''];
}

function qaSection(w: Writer, items: OutlineQuestion[], inDetails: boolean): void {
  if (items.length === 0) return;
  w.lines.push(`## ${w.words.t('export_qa')}`, '');
  // The title is an attribute: typed text never goes in it, and the catalogues hold no `"`.
  const count = w.words.plural('export_questionCount', items.length);
  if (inDetails) w.lines.push(`[details="${w.words.t('export_qaSummary', count)}"]`, '');
  for (const item of items) w.lines.push(...qaItem(w, item));
  if (inDetails) w.lines.push('[/details]', '');
}

/** The summary post as Discourse Markdown, with its size, its link count and what may stop it posting. */
export function forumPost(input: ExportInput, options: ForumPostOptions): ForumPost {
  const { words, ui } = exportWords(options);
  const outline = summaryOutline(input, words.lang);
  const w = new Writer(options.noteLinks, words);
  const warnings: string[] = [];
  header(w, outline);
  if (outline.speakers.length > 0) {
    w.lines.push(`## ${words.t('export_speakers')}`, '', ...outline.speakers.map((s) => speakerLine(w, s, options.mentions, warnings, ui)), '');
  }
  keyPoints(w, outline, options.grouping);
  qaSection(w, outline.qa, options.qaInDetails);
  const counts = options.pictures ?? { slides: 0, frames: 0 };
  const pictures = picturesText(counts, words);
  if (pictures) w.lines.push(words.plural('export_picturesInHandout', counts.slides + counts.frames, pictures), '');

  const text = `${w.lines.join('\n').trimEnd()}\n`;
  const characters = Array.from(text).length;
  if (!outline.url) warnings.push(ui.t('export_warnNoUrl'));
  if (characters > FORUM_MAX_CHARACTERS) warnings.push(ui.t('export_warnTooLong', characters, FORUM_MAX_CHARACTERS));
  if (w.links > FORUM_NEW_USER_MAX_LINKS) {
    warnings.push(ui.t(options.noteLinks ? 'export_warnTooManyLinks' : 'export_warnTooManyTypedLinks', w.links, FORUM_NEW_USER_MAX_LINKS));
  }
  return { text, characters, links: w.links, warnings };
}
