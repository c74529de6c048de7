// Read-modify-write of one stored value, one change at a time: two quick changes that each read the value would
// otherwise both start from the same one, and the first would be lost.

/** A queue: each task starts once the one before has settled; a task that fails does not stop the next. */
export function oneAtATime(): <T>(task: () => Promise<T>) => Promise<T> {
  let last: Promise<unknown> = Promise.resolve();
  return (task) => {
    const run = last.then(task);
    last = run.catch(() => undefined);
    return run;
  };
}
