/**
 * The pictures part of the content script (parts.ts, part-shelf.ts): injected into a frame by the background the
 * first time that frame's video is asked for a frame or turned to watching for slides. It runs
 * in the content script's isolated world, with its own copy of the core it uses.
 */
import { encodeFrame } from './frame-encode';
import { installBrowserMessages } from './messages';
import { providePart } from './part-shelf';
import { slideFeed } from './slide-feed';

// This script's own copy of the core's accessor reads the browser's messages too (a failure's detail).
installBrowserMessages();
providePart('pictures', { encodeFrame, slideFeed });
