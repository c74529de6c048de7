// The background's side: each service registers handlers for its own message types; the router
// answers every message with a Reply envelope.
import { PAGE_MESSAGES, type Envelope, type MessageType, type Reply, type RequestOf, type ResponseOf } from './protocol.ts';

export type Handler<T extends MessageType> = (request: RequestOf<T>, sender: unknown) => Promise<ResponseOf<T>> | ResponseOf<T>;

/** The part of a service worker's ExtendableMessageEvent used here (the DOM typings lack worker types). */
export interface WorkerMessageEvent {
  data: unknown;
  origin: string;
  ports: readonly MessagePort[];
  waitUntil(promise: Promise<unknown>): void;
}

export interface RouterOptions {
  /**
   * Whether a sender is one of the extension's own pages. Given, others (content scripts, in web pages) may send
   * only PAGE_MESSAGES.
   */
  fromExtension?: (sender: unknown) => boolean;
}

/**
 * A sender whose address starts with `base` (the extension's root, `runtime.getURL('/')`), or, posting to the worker,
 * whose origin is that root's: one of the extension's own pages. (Compared as text: `URL.origin` of an extension
 * address is "null" outside Chrome.)
 */
export function senderOn(base: string): (sender: unknown) => boolean {
  const root = base.endsWith('/') ? base : `${base}/`;
  return (sender) => {
    const { url, origin } = (sender ?? {}) as { url?: unknown; origin?: unknown };
    if (typeof url === 'string') return url.startsWith(root);
    return typeof origin === 'string' && `${origin}/` === root;
  };
}

export class Router {
  private handlers = new Map<MessageType, Handler<MessageType>>();

  constructor(private options: RouterOptions = {}) {}

  on<T extends MessageType>(type: T, handler: Handler<T>): this {
    if (this.handlers.has(type)) throw new Error(`Two handlers for "${type}"`);
    this.handlers.set(type, handler as unknown as Handler<MessageType>);
    return this;
  }

  /** For `browser.runtime.onMessage`: returns a promise of the reply, or undefined for others' messages. */
  listener = (message: unknown, sender: unknown): Promise<Reply> | undefined => {
    const envelope = message as Partial<Envelope>;
    const handler = envelope && typeof envelope.type === 'string' ? this.handlers.get(envelope.type) : undefined;
    if (!handler) return undefined;
    const { fromExtension } = this.options;
    if (fromExtension && !PAGE_MESSAGES.has(envelope.type as MessageType) && !fromExtension(sender)) {
      return Promise.resolve({ ok: false, error: `"${envelope.type}" is answered only to the extension's own pages.` });
    }
    return (async (): Promise<Reply> => {
      try {
        return { ok: true, value: await handler(envelope.request as never, sender) };
      } catch (error) {
        return { ok: false, error: error instanceof Error ? error.message : String(error) };
      }
    })();
  };

  /**
   * For the service worker's `message` event: a message posted by one of the extension's own pages (only
   * same-origin pages can post to it), answered on the port sent with it. Keeps the worker alive until then.
   */
  workerListener = (event: WorkerMessageEvent): void => {
    const port = event.ports[0];
    const reply = port && this.listener(event.data, { origin: event.origin });
    if (reply) event.waitUntil(reply.then((r) => port.postMessage(r)));
  };
}
