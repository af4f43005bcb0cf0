/**
 * The session part of the content script (parts.ts, part-shelf.ts): injected into a frame by the
 * background the first time the main script finds a video there that names a recording
 * (session-start.ts). Holds everything a found video needs and a page without one never loads:
 * the session (the layer, the markers, the panel link, the captions), and the answers to the
 * tab's messages, which only a session has to give. Runs in the content script's isolated world,
 * with its own copy of the core it uses.
 */
import browser, { type Runtime } from '../platform/content-browser';
import { parseTabMessage, type VideoStatus } from '../messaging/protocol';
import { installBrowserMessages } from './messages';
import { providePart } from './part-shelf';
import { startVideoSession, type VideoSession } from './video-session';

// This script's own copy of the core's accessor reads the browser's messages (the layer's words).
installBrowserMessages();

/** The session running in this frame: the main script runs one at a time. */
let current: VideoSession | null = null;

// `status` is answered through `respond`, at once: Chrome ignores a promise returned (content-browser.ts).
// Until a session runs, and after it ends, a message gets no answer, as on a page without video.
browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender, respond: (status: VideoStatus) => void) => {
  if (sender.id !== browser.runtime.id) return;
  const message = parseTabMessage(raw);
  if (!message || !current) return;
  switch (message.type) {
    case 'compose':
    case 'attach-frame':
      current.compose(message.type);
      return;
    case 'open-panel':
      current.showPanel();
      return;
    case 'status':
      respond(current.status());
      return;
  }
});

providePart('session', {
  startVideoSession(video, site) {
    const session = startVideoSession(video, site);
    current = session;
    return {
      ...session,
      destroy() {
        session.destroy();
        if (current === session) current = null;
      },
    };
  },
});
