// The background's side: each service registers handlers for its own message types; the router
// answers every message with a Reply envelope.
import type { Envelope, MessageType, Reply, RequestOf, ResponseOf } from './protocol.ts';

export type Handler<T extends MessageType> = (request: RequestOf<T>, sender: unknown) => Promise<ResponseOf<T>> | ResponseOf<T>;

export class Router {
  private handlers = new Map<MessageType, Handler<MessageType>>();

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
    return (async (): Promise<Reply> => {
      try {
        return { ok: true, value: await handler(envelope.request as never, sender) };
      } catch (error) {
        return { ok: false, error: error instanceof Error ? error.message : String(error) };
      }
    })();
  };
}
