/**
 * An https server that answers for YouTube and Vimeo host names with local fixture pages. Chromium
 * is pointed at it with --host-resolver-rules, so the manifest's real match patterns are what the
 * tests exercise, without the internet.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
// @ts-expect-error -- a plain ES module shared with `npm start`
import { serveFile } from '../../scripts/demo-server.mjs';

const FIXTURES = resolve(import.meta.dirname, 'fixtures');
const MEDIA: Record<string, string> = {
  '/media/webinar.webm': resolve(import.meta.dirname, '../../demo/webinar.webm'),
  '/media/ad.webm': join(FIXTURES, 'ad.webm'),
};
export const SITE_HOSTS = ['www.youtube.com', 'm.youtube.com', 'www.youtube-nocookie.com', 'vimeo.com', 'player.vimeo.com', 'forum.example'];
const TITLES: Record<string, string> = {
  Wb1nQ9rLk2A: 'Accessible forms in practice',
  Zx7pT3vYq8M: 'Design systems at scale',
  '76979871': 'Follow-up: your questions answered',
  '5034253': 'Live webinar: your questions answered',
  '5116195': 'Commencement livestream',
};
/**
 * Vimeo event pages name their video only in the player's configuration URL (docs/player-dom.md
 * §5.4); event 5116195 names none, as a player that does not say what it plays.
 */
const EVENT_PLAYER_CONFIG: Record<string, string> = {
  '5034253': 'https://player.vimeo.com/video/76979871/config?autoplay=1&amp;h=8272103f6e',
};

/**
 * Caption tracks of a Vimeo video as its player's configuration lists them (`request.text_tracks`):
 * the player adds each to its <video> as a <track> whose file is /texttrack/ID.vtt.
 */
const VIMEO_TEXT_TRACKS: Record<string, { id: number; lang: string; label: string }[]> = {
  '76979871': [{ id: 4242001, lang: 'en', label: 'English' }],
};
const textTracks = (video: string | undefined) => JSON.stringify(VIMEO_TEXT_TRACKS[video ?? ''] ?? []);

function page(response: ServerResponse, file: string, values: Record<string, string>): void {
  let html = readFileSync(join(FIXTURES, file), 'utf8');
  for (const [name, value] of Object.entries(values)) html = html.replaceAll(`{{${name}}}`, value);
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
}

async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const host = (request.headers.host ?? '').replace(/:\d+$/, '');
  const url = new URL(request.url ?? '/', `https://${host}`);
  const path = url.pathname;
  if (MEDIA[path]) return serveFile(request, response, MEDIA[path]);
  if (host.endsWith('youtube.com') || host === 'www.youtube-nocookie.com') {
    if (path === '/youtube/player.js' || path === '/youtube/captions.js') return serveFile(request, response, join(FIXTURES, path.slice(1)));
    // The player's caption track (fixtures/youtube/captions/README.md): from /api/timedtext as
    // YouTube's own, or from another path for the fixture whose timedtext response is blocked.
    const track = path === '/api/timedtext' ? url.searchParams.get('v') : /^\/youtube\/captions\/([\w-]{11})\.json3$/.exec(path)?.[1];
    if (track !== undefined) {
      const file = join(FIXTURES, 'youtube/captions', `${track}.json3`);
      if (track !== null && /^[\w-]{11}$/.test(track) && existsSync(file)) {
        return void response.writeHead(200, { 'content-type': 'application/json; charset=UTF-8' }).end(readFileSync(file));
      }
      // YouTube answers a track it does not have with an empty body.
      return void response.writeHead(200, { 'content-type': 'text/html; charset=UTF-8' }).end('');
    }
    // Live replays (/live/ID) are watch pages; Shorts (/shorts/ID) get the same stand-in, since
    // the test checks only that the extension leaves them alone.
    if (/^\/(?:watch|live\/[\w-]{11}|shorts\/[\w-]{11})$/.test(path) && host !== 'www.youtube-nocookie.com') {
      return page(response, 'youtube/watch.html', {});
    }
    const embed = /^\/embed\/([\w-]{11})$/.exec(path);
    if (embed?.[1]) return page(response, 'youtube/embed.html', { ID: embed[1], TITLE: TITLES[embed[1]] ?? 'Video' });
  }
  if (host === 'vimeo.com') {
    const watch = /^\/(\d+)(?:\/[0-9a-f]+)?$/.exec(path);
    if (watch?.[1]) {
      return page(response, 'vimeo/player.html', { TITLE: TITLES[watch[1]] ?? 'Video', BODY_CLASS: 'page', CONFIG_URL: '', TEXT_TRACKS: textTracks(watch[1]) });
    }
    const event = /^\/event\/(\d+)(?:\/embed)?$/.exec(path);
    if (event?.[1]) {
      const config = EVENT_PLAYER_CONFIG[event[1]];
      return page(response, 'vimeo/player.html', {
        TITLE: TITLES[event[1]] ?? 'Event',
        BODY_CLASS: 'page',
        CONFIG_URL: config ? `data-config-url="${config}"` : '',
        TEXT_TRACKS: textTracks(/\/video\/(\d+)\//.exec(config ?? '')?.[1]),
      });
    }
  }
  if (host === 'player.vimeo.com') {
    const embed = /^\/video\/(\d+)$/.exec(path);
    if (embed?.[1]) {
      return page(response, 'vimeo/player.html', { TITLE: TITLES[embed[1]] ?? 'Video', BODY_CLASS: '', CONFIG_URL: '', TEXT_TRACKS: textTracks(embed[1]) });
    }
  }
  // The player's caption files, on the host it plays on (its <track> names them by path).
  const textTrack = /^\/texttrack\/(\d+)\.vtt$/.exec(path);
  if (textTrack && (host === 'vimeo.com' || host === 'player.vimeo.com')) {
    return serveFile(request, response, join(FIXTURES, `vimeo/texttrack-${textTrack[1]}.vtt`));
  }
  // A site the extension does not run on until the user enables it.
  if (host === 'forum.example' && path === '/talk') return serveFile(request, response, join(FIXTURES, 'other-site.html'));
  if (host === 'forum.example' && path === '/prize') return serveFile(request, response, join(FIXTURES, 'hostile-framing.html'));
  response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
}

export interface SitesServer {
  port: number;
  close(): Promise<void>;
}

export function serveSites(): Promise<SitesServer> {
  const server = createServer(
    { key: readFileSync(join(FIXTURES, 'tls/key.pem')), cert: readFileSync(join(FIXTURES, 'tls/cert.pem')) },
    (request, response) => {
      route(request, response).catch(() => response.writeHead(500).end());
    },
  );
  return new Promise((done) => {
    server.listen(0, '127.0.0.1', () =>
      done({
        port: (server.address() as AddressInfo).port,
        close: () => new Promise<void>((closed) => server.close(() => closed())),
      }),
    );
  });
}
