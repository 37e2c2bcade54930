/**
 * Long work on the main thread, in slices: `pause()` returns undefined (nothing to await) until `budgetMs` went by
 * since the last pause, then a promise that resolves on the next turn of the event loop. Between slices the health
 * check and everyone's requests run, so a job of seconds never holds the service for longer than a slice.
 */
export function eventLoopSlices(budgetMs = 15): () => Promise<void> | undefined {
  let since = performance.now();
  return () => {
    if (performance.now() - since < budgetMs) return undefined;
    return new Promise<void>((resolve) => {
      setImmediate(() => {
        since = performance.now();
        resolve();
      });
    });
  };
}
