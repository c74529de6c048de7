// Send a typed message to the background and get its typed answer (or its error, rethrown).
//
// Two routes, one protocol. The extension's own pages (popup, settings) in Chrome post to the background's
// service worker directly and get the answer on a private MessageChannel: both run in the extension's
// process, so this skips the browser process that runtime messaging goes through (measured: 3.3 ms p50 and
// 6 ms p95 a search, against 5 and 10 ms). The SW `message` event also starts a stopped worker and keeps it
// alive until it answers. Only quick questions go this way: a channel whose worker is stopped mid-answer
// just stays silent (runtime messaging reports it), so a long job (a sync) keeps runtime messaging, and a
// quick question unanswered after a few seconds is asked again through it. The worker is the page's
// `navigator.serviceWorker.controller` (known at once; `ready` asks the browser process, 7-41 ms of a
// popup's opening here), and a question the page's early script already asked (early.ts) is not asked
// again. Content scripts (a page's origin: its service workers are the page's) and Firefox (an event page,
// not a service worker) use runtime messaging throughout.
import { browser } from 'wxt/browser';
import { QUICK_PATIENCE_MS, takeEarly } from './early.ts';
import type { MessageType, Reply, RequestOf, ResponseOf } from './protocol.ts';
import { controllingWorker, postToWorker } from './worker-post.ts';

/** Questions answered from the store or memory in milliseconds. */
const QUICK = new Set<MessageType>([
  'dataset/status',
  'concept/get',
  'concept/cards',
  'concept/search',
  'concept/search-narrowable',
  'concept/search-next',
  'concept/search-openers',
  'summaries/for-concept',
  'summaries/overview',
  'summaries/study-pmids',
  'summary/get',
  'tab/findings',
]);

export async function send<T extends MessageType>(type: T, ...[request]: RequestOf<T> extends void ? [] : [RequestOf<T>]): Promise<ResponseOf<T>> {
  const quick = QUICK.has(type);
  // Asked already by the page's early script (early.ts)? A silent early answer is asked again below.
  const early = quick ? takeEarly(type, request) : undefined;
  const answered = early && ((await early) as Reply<T> | undefined);
  if (answered) return unwrap(type, answered);
  // Once the worker is known the message is posted at once, within the caller's task (no await before it).
  const worker = quick ? (knownWorker ?? (await backgroundWorker())) : undefined;
  const direct = worker && (await postToWorker(worker, { type, request }, QUICK_PATIENCE_MS));
  return unwrap(type, (direct ?? (await browser.runtime.sendMessage({ type, request }))) as Reply<T> | undefined);
}

function unwrap<T extends MessageType>(type: T, reply: Reply<T> | undefined): ResponseOf<T> {
  if (!reply) throw new Error(`The extension's background did not answer "${type}".`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

let worker: Promise<ServiceWorker | undefined> | undefined;
let knownWorker: ServiceWorker | undefined;

/** The background's service worker, when this is one of the extension's own pages in a browser that runs one. */
function backgroundWorker(): Promise<ServiceWorker | undefined> {
  worker ??= (async () => {
    const ownPage = typeof location !== 'undefined' && location.origin === new URL(browser.runtime.getURL('/')).origin;
    const manifest = browser.runtime.getManifest() as { background?: { service_worker?: string } };
    const script = manifest.background?.service_worker;
    if (!ownPage || !script || !('serviceWorker' in navigator)) return undefined;
    const controller = controllingWorker(script);
    if (controller) return (knownWorker = controller);
    // `ready` never settles for a page no service worker controls: give it a moment, then use runtime messaging.
    const registration = await Promise.race([navigator.serviceWorker.ready, new Promise<undefined>((r) => setTimeout(r, 1000))]);
    knownWorker = registration?.active ?? undefined;
    return knownWorker;
  })().catch(() => undefined);
  return worker;
}
