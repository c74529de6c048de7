// Questions an extension page asks before its main script runs, and their answers handed to it.
//
// A popup's main script starts 70-90 ms after the popup opens (the browser makes the page and reads the
// script files from the package, then evaluates them); a small async script in the page's <head> runs while
// that happens. It posts the first view's questions to the worker (entrypoints/popup-early.ts) and leaves
// the pending answers on the window, where `send` (client.ts) takes them instead of asking again. Both
// scripts build their questions with the same functions, so a question is recognised by its type and request.
import type { MessageType, RequestOf } from './protocol.ts';
import { controllingWorker, postToWorker } from './worker-post.ts';

const EARLY = '__evidenceLensEarlyAnswers';
/** As long as a quick question waits before it is asked again another way (client.ts). */
export const QUICK_PATIENCE_MS = 5_000;

type Pending = Map<string, Promise<unknown>>;
/** `null` once the main script asked before any early question: asking early then would only repeat it. */
type Holder = typeof globalThis & { [EARLY]?: Pending | null };

function pending(create: boolean): Pending | undefined {
  const holder = globalThis as Holder;
  if (create && holder[EARLY] === undefined) holder[EARLY] = new Map();
  return holder[EARLY] ?? undefined;
}

const keyOf = (type: MessageType, request: unknown) => `${type}|${JSON.stringify(request ?? null)}`;

/** A message type with its request. */
export type Question = { [T in MessageType]: { type: T; request: RequestOf<T> } }[MessageType];

/** Post `questions` now, when the worker that controls this page is known; otherwise do nothing. */
export function askEarly(questions: Question[], workerScript: string | undefined): void {
  const worker = controllingWorker(workerScript);
  // The async early script may run after the main script on a busy machine: its questions are asked already.
  if (!worker || (globalThis as Holder)[EARLY] === null) return;
  const answers = pending(true)!;
  for (const { type, request } of questions) {
    const key = keyOf(type, request);
    if (!answers.has(key)) answers.set(key, postToWorker(worker, { type, request }, QUICK_PATIENCE_MS));
  }
}

/** The early answer to this question, if one was asked; each is taken once (later asks are fresh). */
export function takeEarly(type: MessageType, request: unknown): Promise<unknown> | undefined {
  const answers = pending(false);
  if (!answers) {
    if ((globalThis as Holder)[EARLY] === undefined) (globalThis as Holder)[EARLY] = null; // asked first: too late
    return undefined;
  }
  const key = keyOf(type, request);
  const answer = answers.get(key);
  answers.delete(key);
  return answer;
}
