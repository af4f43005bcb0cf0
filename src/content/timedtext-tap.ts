/**
 * The page-world tap (manifest: world MAIN, document_start, YouTube hosts): the smallest script we
 * run in YouTube's own JavaScript world. It sees the responses the player gets from its own
 * origin's `/api/timedtext` (through `fetch` or `XMLHttpRequest`) and forwards a copy of each (URL
 * and body text) through a MessagePort whose other end it hands to our isolated world before any
 * page script runs (timedtext-channel.ts). It makes no request, changes no response (it reads a
 * clone), and keeps every built-in it uses from the start, so a page script that replaces one later
 * neither stops it nor gets hold of the port.
 */
import { MAX_CAPTION_RESPONSE_BYTES } from '../core/captions/limits';
import { TAP_HANDOVER, type TappedResponse } from './timedtext-channel';

const apply = Reflect.apply;
const getter = (proto: object, name: string) => Object.getOwnPropertyDescriptor(proto, name)?.get as (this: unknown) => unknown;
const send = MessagePort.prototype.postMessage;
const nativeFetch = globalThis.fetch;
const cloneResponse = Response.prototype.clone;
const responseText = Response.prototype.text;
const responseUrl = getter(Response.prototype, 'url');
const xhrOpen = XMLHttpRequest.prototype.open;
const xhrUrl = getter(XMLHttpRequest.prototype, 'responseURL');
const xhrType = getter(XMLHttpRequest.prototype, 'responseType');
const xhrText = getter(XMLHttpRequest.prototype, 'responseText');
const xhrResponse = getter(XMLHttpRequest.prototype, 'response');
const listen = EventTarget.prototype.addEventListener;
const stringify = JSON.stringify;
const origin = location.origin;
// The path is checked here only to forward little; the inbox checks everything again.
const CAPTIONS = /^\/api\/timedtext(?:[?#]|$)/;

const { port1, port2 } = new MessageChannel();
window.postMessage(TAP_HANDOVER, '/', [port2]);

function isCaptions(url: unknown): boolean {
  return typeof url === 'string' && url.startsWith(origin) && CAPTIONS.test(url.slice(origin.length));
}

function forward(url: string, body: unknown): void {
  if (typeof body !== 'string' || body.length > MAX_CAPTION_RESPONSE_BYTES) return;
  const message: TappedResponse = { url, body };
  apply(send, port1, [message]);
}

async function readCopy(copy: Response, url: string): Promise<void> {
  forward(url, await apply(responseText, copy, []));
}

globalThis.fetch = function fetch(this: unknown, ...args: Parameters<typeof nativeFetch>): Promise<Response> {
  const answer: Promise<Response> = apply(nativeFetch, this, args);
  void (async () => {
    const response = await answer;
    const url = apply(responseUrl, response, []);
    if (isCaptions(url)) await readCopy(apply(cloneResponse, response, []), url as string);
  })().catch(() => undefined); // the player sees the failure through its own promise
  return answer;
};

XMLHttpRequest.prototype.open = function open(this: XMLHttpRequest, ...args: unknown[]): void {
  apply(xhrOpen, this, args);
  apply(listen, this, [
    'load',
    () => {
      const url = apply(xhrUrl, this, []);
      if (!isCaptions(url)) return;
      const type = apply(xhrType, this, []);
      if (type === '' || type === 'text') forward(url as string, apply(xhrText, this, []));
      else if (type === 'json') forward(url as string, stringify(apply(xhrResponse, this, [])));
    },
  ]);
} as typeof XMLHttpRequest.prototype.open;
