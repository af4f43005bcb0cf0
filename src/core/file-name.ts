/**
 * File names that every common file system takes as written, for the files an export writes (a
 * zip's entries, a download's name): Windows (NTFS, FAT), macOS (APFS) and Linux (ext4). The rules
 * followed, from Microsoft's "Naming Files, Paths, and Namespaces":
 *
 * - none of `< > : " / \ | ? *` and no control character (U+0000–U+001F, U+007F);
 * - not a reserved device name (CON, PRN, AUX, NUL, COM0–COM9, LPT0–LPT9, and COM/LPT with a
 *   superscript ¹ ² ³), with or without an extension, in any case;
 * - no trailing dot or space (Windows drops them, so `a.` and `a` would be one file), and no leading
 *   dot or space either (a hidden file on macOS and Linux, a name that is easy to miss);
 * - at most 255 bytes of UTF-8 (ext4) and 255 UTF-16 units (NTFS): kept well under both;
 * - Unicode in NFC: macOS used to store NFD, and a name in two forms would be two names elsewhere;
 * - unique when case is ignored (Windows and macOS by default are case-insensitive).
 */
import { graphemeBoundary } from './shorten';

/** Bytes of UTF-8 a name (its extension included) may take: room for a folder around it in a 260-character Windows path. */
export const MAX_NAME_BYTES = 100;

// Control characters are what this pattern is for: Windows refuses them in a name.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f\u007f]/gu;
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\.|$)/iu;
const encoder = new TextEncoder();
const utf8Length = (text: string) => encoder.encode(text).length;

/** `text` cut at a grapheme boundary so it takes at most `max` bytes of UTF-8. */
function cutToBytes(text: string, max: number): string {
  if (utf8Length(text) <= max) return text;
  let end = Math.min(text.length, max);
  while (end > 0 && utf8Length(text.slice(0, end)) > max) end--;
  return text.slice(0, graphemeBoundary(text, end, 'back'));
}

/**
 * `stem` + `extension` as a name safe on Windows, macOS and Linux: forbidden characters become
 * `-`, runs of white space one space, leading and trailing dots and spaces go, a reserved device
 * name gets a `_` in front, an empty stem becomes `fallback`, and the stem is cut (never inside a
 * character as a reader sees it) so the whole takes at most MAX_NAME_BYTES of UTF-8. `extension`
 * is ours (`.md`, `.webp`) and written as given.
 */
export function safeFileName(stem: string, extension = '', fallback = 'untitled'): string {
  let name = stem.normalize('NFC').replace(/\s+/gu, ' ').replace(FORBIDDEN, '-');
  name = name.replace(/^[\s.]+|[\s.]+$/gu, '');
  name = cutToBytes(name, MAX_NAME_BYTES - utf8Length(extension)).replace(/[\s.]+$/u, '') || fallback;
  if (RESERVED.test(name)) name = `_${name}`;
  return `${name}${extension}`;
}

/** How two names compare where case does not count: NFC, then folded (upper then lower, so ß and ẞ meet). */
export const nameKey = (name: string): string => name.normalize('NFC').toUpperCase().toLowerCase();

/**
 * `names` (already safe) made unique when case is ignored, in order: the first keeps its name, a
 * later one equal to an earlier one gets ` (2)`, ` (3)`… before its extension (the part from the
 * last dot, when there is one past the first character).
 */
export function uniqueFileNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    const dot = name.lastIndexOf('.');
    const [stem, extension] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
    let candidate = name;
    for (let n = 2; taken.has(nameKey(candidate)); n++) {
      const suffix = ` (${n})`;
      candidate = `${cutToBytes(stem, MAX_NAME_BYTES - utf8Length(suffix + extension))}${suffix}${extension}`;
    }
    taken.add(nameKey(candidate));
    return candidate;
  });
}
