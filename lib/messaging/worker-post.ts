// Posting a question to the extension's service worker from one of its own pages, with the answer on a
// private MessageChannel (see client.ts for why). No extension API: the popup's early script uses it too.

/**
 * The service worker that controls this page, when it is the extension's background (`script`: the
 * manifest's `background.service_worker`). Known at once, without asking the browser process; the first
 * page opened after the worker (re)starts has none yet.
 */
export function controllingWorker(script: string | undefined): ServiceWorker | undefined {
  if (!script || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return undefined;
  const controller = navigator.serviceWorker.controller;
  return controller && controller.scriptURL === new URL(`/${script}`, location.origin).href ? controller : undefined;
}

/** The worker's reply, or undefined when it cannot be posted to or is silent for `patience` ms. */
export function postToWorker(target: ServiceWorker, envelope: unknown, patience: number): Promise<unknown> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    const timer = setTimeout(() => {
      channel.port1.close();
      resolve(undefined);
    }, patience);
    channel.port1.onmessage = (event) => {
      clearTimeout(timer);
      channel.port1.close();
      resolve(event.data);
    };
    try {
      target.postMessage(envelope, [channel.port2]);
    } catch {
      clearTimeout(timer);
      resolve(undefined);
    }
  });
}
