/**
 * The text of a file the user gives us (a backup, a Q&A paste), from its bytes: the one reader for
 * the extension's import and the command line, so both accept the same files.
 *
 * Editors re-save files with a byte-order mark (Notepad's "UTF-8 with BOM" adds `EF BB BF`; its
 * "Unicode" is UTF-16 with `FF FE`). The mark picks the encoding and is not part of the text, as the
 * Encoding standard's decode says; without one the file must be UTF-8. Bytes that are not valid in
 * that encoding make the file unreadable rather than silently replaced with U+FFFD, which would
 * change notes without a word.
 */

type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be';

function sniff(bytes: Uint8Array): { encoding: Encoding; markLength: number } {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return { encoding: 'utf-8', markLength: 3 };
  if (a === 0xff && b === 0xfe) return { encoding: 'utf-16le', markLength: 2 };
  if (a === 0xfe && b === 0xff) return { encoding: 'utf-16be', markLength: 2 };
  return { encoding: 'utf-8', markLength: 0 };
}

/**
 * The text of `bytes`: UTF-8, or UTF-8 / UTF-16 (LE or BE) as a leading byte-order mark says, the
 * mark dropped. Null when the bytes are not valid in that encoding.
 */
export function decodeTextFile(bytes: Uint8Array): string | null {
  const { encoding, markLength } = sniff(bytes);
  try {
    // ignoreBOM: the mark is already cut off, so a second U+FEFF would be text and is kept as such.
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(markLength));
  } catch {
    return null;
  }
}
