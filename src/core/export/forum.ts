/**
 * The summary post for a Discourse forum: title and date, the recording (a bare URL on its own
 * line, which Discourse turns into a player "onebox"), speakers, key points with timestamp links,
 * and the Q&A. Everything typed is escaped (markdown-escape.ts) so the post shows it as typed.
 * No `[quote="Name"]` blocks: Discourse splits their attribute on commas ("Smith, Jr.").
 */
import { forumUsername } from '../discourse';
import { linkAt } from '../links';
import type { Note, QaItem, Recording, Speaker } from '../model';
import { formatTime } from '../time';
import { exportUrl } from '../web-url';
import {
  answererName, type ExportInput, exportDate, exportTitle, liveNotes, liveQa,
  oneLine, paragraphs, speakerAffiliation, speakerById,
} from './input';
import { markdownText } from './markdown-escape';

export interface ForumPostOptions {
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

/** 32000 as "32,000", the same in every locale. */
function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Builds the post, counting links as they are written. */
class Writer {
  links = 0;
  readonly lines: string[] = [];
  constructor(private readonly recording: Recording, private readonly noteLinks: boolean) {}

  /** Typed text as Markdown; `lineStart` when it begins an output line. */
  text(typed: string, lineStart = false): string {
    return markdownText(oneLine(typed), lineStart, { forum: true, onLink: () => this.links++ });
  }

  /**
   * Multi-line typed text as the user broke it: lines (a newline is a break in Discourse) and
   * paragraphs; lines after the first are indented by `indent` to stay in a list item.
   */
  block(typed: string, indent: string): string {
    return paragraphs(typed)
      .map((lines) => lines.map((line) => this.text(line, true)).join(`\n${indent}`))
      .join(`\n\n${indent}`);
  }

  /** `[12:34](link)`, or just `12:34` when links are off or the recording has no linkable URL. */
  time(seconds: number): string {
    const label = formatTime(seconds);
    // linkAt's URL holds no parenthesis, space or backslash, so it can stand as the destination.
    const url = this.noteLinks ? linkAt(this.recording, seconds) : null;
    if (!url) return label;
    this.links++;
    return `[${label}](${url})`;
  }
}

function header(w: Writer, recording: Recording): void {
  const date = exportDate(recording);
  w.lines.push(`# ${w.text(exportTitle(recording))}${date ? ` — ${w.text(date)}` : ''}`, '');
  const description = recording.details?.description;
  if (description?.trim()) {
    w.lines.push(w.block(description, ''), '');
  }
  const organiser = recording.details?.organiser?.trim();
  if (organiser) w.lines.push(`Hosted by ${w.text(organiser)}`, '');
  // Bare on its line, so Discourse oneboxes it; exportUrl leaves no markup in it to be read.
  const url = exportUrl(recording.url);
  if (url) {
    w.links++;
    w.lines.push(url, '');
  }
}

function speakerLine(w: Writer, speaker: Speaker, mentions: boolean, warnings: string[]): string {
  const affiliation = speakerAffiliation(speaker);
  let line = `- **${w.text(speaker.name.trim() || 'Unnamed speaker')}**`;
  if (affiliation) line += ` — ${w.text(affiliation)}`;
  const handle = speaker.handle?.trim().replace(/^@+/, '');
  if (mentions && handle) {
    const username = forumUsername(handle);
    if (username) line += ` (@${username})`;
    else {
      // As text (the word joiner keeps it from mentioning anyone), so the reader still sees it.
      line += ` (${w.text(`@${handle}`)})`;
      warnings.push(
        `"@${handle}" (${speaker.name.trim() || 'Unnamed speaker'}) is not a forum username (letters, digits and _ . -, not starting with . or -, ending in a letter or digit, no two of _ . - in a row), so it is written as plain text and mentions nobody.`,
      );
    }
  }
  return line;
}

/** A key point; in time order it names its speaker, under a speaker's heading it need not. */
function noteLine(w: Writer, note: Note, speaker: Speaker | undefined): string {
  const text = w.block(note.text, '  ');
  const who = speaker ? ` **${w.text(speaker.name.trim() || 'Unnamed speaker')}**:` : '';
  return `- ${w.time(note.t)}${who}${text ? ` ${text}` : ''}`;
}

function keyPoints(w: Writer, recording: Recording, notes: Note[], grouping: ForumPostOptions['grouping']): void {
  w.lines.push('## Key points', '');
  if (notes.length === 0) {
    w.lines.push('(no notes yet)', '');
    return;
  }
  const groups: { heading: string | null; notes: Note[] }[] = [];
  if (grouping === 'speaker') {
    for (const speaker of recording.speakers ?? []) {
      const own = notes.filter((note) => note.speakerId === speaker.id);
      if (own.length > 0) groups.push({ heading: speaker.name.trim() || 'Unnamed speaker', notes: own });
    }
    const others = notes.filter((note) => !speakerById(recording, note.speakerId));
    if (others.length > 0) groups.push({ heading: groups.length > 0 ? 'Other notes' : null, notes: others });
  } else {
    groups.push({ heading: null, notes });
  }
  for (const group of groups) {
    if (group.heading !== null) w.lines.push(`### ${w.text(group.heading)}`, '');
    w.lines.push(
      ...group.notes.map((note) => noteLine(w, note, grouping === 'time' ? speakerById(recording, note.speakerId) : undefined)),
      '',
    );
  }
}

function qaItem(w: Writer, recording: Recording, item: QaItem): string[] {
  const time = item.t !== undefined ? `${w.time(item.t)} ` : '';
  // Bold cannot span a blank line: the question's paragraphs are written as lines.
  const question = w.block(paragraphs(item.question).flat().join('\n'), '') || '(no question text)';
  const asked = item.askedBy?.trim() ? ` — asked by ${w.text(item.askedBy.trim())}` : '';
  const lines = [`**${time}${question}**${asked}`];
  const answers = item.answers.filter((answer) => answer.text.trim());
  if (answers.length === 0) lines.push('- (not answered)');
  for (const answer of answers) {
    const at = answer.t !== undefined ? ` (${w.time(answer.t)})` : '';
    lines.push(`- **${w.text(answererName(recording, answer))}**${at}: ${w.block(answer.text, '  ')}`);
  }
  return [...lines, ''];
}

function qaSection(w: Writer, recording: Recording, items: QaItem[], inDetails: boolean): void {
  if (items.length === 0) return;
  w.lines.push('## Q&A', '');
  const count = `${items.length} question${items.length === 1 ? '' : 's'}`;
  if (inDetails) w.lines.push(`[details="Q&A summary (${count})"]`, '');
  for (const item of items) w.lines.push(...qaItem(w, recording, item));
  if (inDetails) w.lines.push('[/details]', '');
}

/** The summary post as Discourse Markdown, with its size, its link count and what may stop it posting. */
export function forumPost(input: ExportInput, options: ForumPostOptions): ForumPost {
  const { recording } = input;
  const w = new Writer(recording, options.noteLinks);
  const warnings: string[] = [];
  header(w, recording);
  const speakers = recording.speakers ?? [];
  if (speakers.length > 0) {
    w.lines.push('## Speakers', '', ...speakers.map((s) => speakerLine(w, s, options.mentions, warnings)), '');
  }
  keyPoints(w, recording, liveNotes(input.notes), options.grouping);
  qaSection(w, recording, liveQa(input.qa), options.qaInDetails);

  const text = `${w.lines.join('\n').trimEnd()}\n`;
  const characters = Array.from(text).length;
  if (!exportUrl(recording.url)) warnings.push('The recording has no web address, so the post does not link to it.');
  if (characters > FORUM_MAX_CHARACTERS) {
    warnings.push(
      `The post is ${thousands(characters)} characters; forums accept ${thousands(FORUM_MAX_CHARACTERS)} by default. Shorten it or split it into replies.`,
    );
  }
  if (w.links > FORUM_NEW_USER_MAX_LINKS) {
    const fix = options.noteLinks ? 'turn off per-note links' : 'remove links typed into notes';
    warnings.push(
      `The post has ${w.links} links; new forum users may post at most ${FORUM_NEW_USER_MAX_LINKS} links; ${fix}.`,
    );
  }
  return { text, characters, links: w.links, warnings };
}
