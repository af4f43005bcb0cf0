/** What an unpaired panel says: a page framed the panel page itself, or the video went away. */
export const NOT_PAIRED = 'This notes panel is not connected to a video. Open notes from the video’s own Notes button.';

/** The user chose to type only in the side panel; this frame in the page must offer nothing to type into. */
export const SIDE_PANEL_ONLY =
  'You chose to type notes only in the browser’s side panel. Open it with the Notes button on the video, the toolbar button or the shortcut.';

/** A panel with nothing to act on: only why. */
export function PanelNotice({ text }: { text: string }) {
  return (
    <main class="panel">
      <header class="panel-head">
        <div class="titles">
          <h1>Notes</h1>
        </div>
      </header>
      <p class="banner" role="status">
        {text}
      </p>
    </main>
  );
}
