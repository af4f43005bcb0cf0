/**
 * Content script: finds the page's main video and runs a session for it. Nothing else happens on
 * a page without video. It never opens IndexedDB (that would be the page's database) and never
 * holds note text: the panel, an extension page, does both.
 */
import browser, { type Runtime } from '../platform/content-browser';
import { parseTabMessage, type VideoStatus } from '../messaging/protocol';
import { adapterFor } from './sites';
import { installBrowserMessages } from './messages';
import { watchMainVideo } from './video-finder';
import { startVideoSession, type VideoSession } from './video-session';

installBrowserMessages();

const site = adapterFor(location.hostname);
let session: VideoSession | null = null;

watchMainVideo(site.findVideo, (video) => {
  if (!video) {
    session?.destroy();
    session = null;
  } else if (session) {
    session.setVideo(video);
  } else if (site.recordingKey(video) !== null) {
    session = startVideoSession(video, site);
  }
});

// `status` is answered through `respond`, at once: Chrome ignores a promise returned (content-browser.ts).
browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender, respond: (status: VideoStatus) => void) => {
  if (sender.id !== browser.runtime.id) return;
  const message = parseTabMessage(raw);
  if (!message || !session) return;
  switch (message.type) {
    case 'compose':
    case 'attach-frame':
      session.compose(message.type);
      return;
    case 'open-panel':
      session.showPanel();
      return;
    case 'status':
      respond(session.status());
      return;
  }
});
