// Send a typed message to the background and get its typed answer (or its error, rethrown).
import { browser } from 'wxt/browser';
import type { MessageType, Reply, RequestOf, ResponseOf } from './protocol.ts';

export async function send<T extends MessageType>(type: T, ...[request]: RequestOf<T> extends void ? [] : [RequestOf<T>]): Promise<ResponseOf<T>> {
  const reply = (await browser.runtime.sendMessage({ type, request })) as Reply<T> | undefined;
  if (!reply) throw new Error(`The extension's background did not answer "${type}".`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}
