export type GroupCommitOptions = {
  /** Most items in one batch. */
  maxBatch: number;
  /** Most batches running at once; items arriving meanwhile wait and go in the next batch. */
  maxInFlight: number;
  /**
   * Admission control at batch formation: how many of the `wanted` queued items (at most
   * maxBatch) the next batch may take now; default all of them. Fewer leaves the rest queued
   * for a later batch; none with `askAgainInMs` asks again after that long (it is also asked
   * whenever an item arrives or a batch ends).
   */
  admit?: (wanted: number) => { take: number; askAgainInMs?: number };
};

export type GroupCommit<I, O> = {
  /** Runs `item` in the next batch; resolves with its own result once its batch committed. */
  run: (item: I) => Promise<O>;
};

/**
 * Group commit: while `maxInFlight` batches are running, items arriving meanwhile
 * queue up and the next batch takes them all (at most `maxBatch`). Nothing waits
 * for a timer: at low load every item runs at once, alone; under load a batch
 * holds what arrived during one batch's round trips.
 * `runBatch` gets the items in arrival order and must return one result per item,
 * in the same order. If it throws, the batch's items are run again one by one,
 * in arrival order, by `runOne`, so one bad item (or a momentary error) fails
 * only its own caller.
 */
export function createGroupCommit<I, O>(
  runBatch: (items: I[]) => Promise<O[]>,
  runOne: (item: I) => Promise<O>,
  options: GroupCommitOptions,
): GroupCommit<I, O> {
  type Waiting = { item: I; resolve: (value: O) => void; reject: (error: unknown) => void };
  const queue: Waiting[] = [];
  let inFlight = 0;

  const write = async (batch: Waiting[]): Promise<void> => {
    try {
      const results = await runBatch(batch.map((waiting) => waiting.item));
      if (results.length !== batch.length) throw new Error(`a batch of ${batch.length} returned ${results.length} results`);
      results.forEach((result, index) => batch[index]?.resolve(result));
    } catch (error) {
      if (batch.length === 1) {
        batch[0]?.reject(error);
        return;
      }
      for (const waiting of batch) {
        try {
          waiting.resolve(await runOne(waiting.item));
        } catch (single) {
          waiting.reject(single);
        }
      }
    }
  };

  let askAgain: ReturnType<typeof setTimeout> | undefined;
  const pump = (): void => {
    while (inFlight < options.maxInFlight && queue.length > 0) {
      const wanted = Math.min(queue.length, options.maxBatch);
      const admitted = options.admit?.(wanted) ?? { take: wanted };
      const take = Math.min(wanted, Math.floor(admitted.take));
      if (take < 1) {
        if (admitted.askAgainInMs !== undefined && askAgain === undefined) {
          askAgain = setTimeout(
            () => {
              askAgain = undefined;
              pump();
            },
            Math.max(1, admitted.askAgainInMs),
          );
        }
        return;
      }
      const batch = queue.splice(0, take);
      inFlight += 1;
      void write(batch).finally(() => {
        inFlight -= 1;
        pump();
      });
    }
  };

  return {
    run: (item) =>
      new Promise<O>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        pump();
      }),
  };
}
