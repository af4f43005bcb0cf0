/**
 * Content script: finds the page's main video, and for the first one that names a recording loads
 * the session part (session-part.ts), which runs a session for it and answers the tab's messages.
 * Nothing else happens, and nothing more is loaded, on a page without video. It never opens
 * IndexedDB (that would be the page's database) and never holds note text: the panel, an
 * extension page, does both.
 */
import { adapterFor } from './sites';
import { loadPart } from './parts';
import { sessionForVideo } from './session-start';
import { watchMainVideo } from './video-finder';

const site = adapterFor(location.hostname);

watchMainVideo(
  site.findVideo,
  sessionForVideo(site, () => loadPart('session').then((part) => part.startVideoSession)),
);
