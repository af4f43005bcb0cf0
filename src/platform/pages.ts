/**
 * Extension pages by their built paths: the build keeps the source path of extension pages. No
 * browser API here, so pure code (the panel port rule) reads them too.
 */

/** The notes panel page, as built: beside a video (web-accessible) and in the side panel. */
export const PANEL_PAGE = 'src/pages/panel/index.html';

/** The library page, as built. */
export const LIBRARY_PAGE = 'src/pages/library/index.html';

/** The settings page, as built. */
export const OPTIONS_PAGE = 'src/pages/options/index.html';

/** The offscreen document that makes a backup file's blob URL (Chrome), as built. */
export const OFFSCREEN_PAGE = 'src/pages/offscreen/index.html';

/** The manifest's `commands` entry for the new-note shortcut (the background handles it, the settings page shows its keys). */
export const NEW_NOTE_COMMAND = 'new-note';

/** The manifest's `commands` entry for the shortcut that attaches the video's frame to the note being written. */
export const ATTACH_FRAME_COMMAND = 'attach-frame';
