import { describe, expect, it } from 'vitest';
import { createGroupCommit } from './group-commit';

/** A batch runner that records each batch and answers when `release` is called. */
function gated() {
  const batches: number[][] = [];
  const gates: (() => void)[] = [];
  const runBatch = async (items: number[]): Promise<string[]> => {
    batches.push(items);
    await new Promise<void>((resolve) => gates.push(resolve));
    if (items.includes(13)) throw new Error('unlucky batch');
    return items.map((item) => `batch:${item}`);
  };
  const release = async (): Promise<void> => {
    await new Promise((resolve) => setImmediate(resolve));
    gates.splice(0).forEach((open) => open());
  };
  return { batches, runBatch, release };
}

describe('createGroupCommit', () => {
  it('runs an item alone at once when idle, and batches what arrives while batches run', async () => {
    const { batches, runBatch, release } = gated();
    const group = createGroupCommit(runBatch, async (item: number) => `one:${item}`, { maxBatch: 3, maxInFlight: 1 });
    const results = [1, 2, 3, 4, 5, 6].map((item) => group.run(item));
    for (let round = 0; round < 4; round++) await release();
    expect(await Promise.all(results)).toEqual(['batch:1', 'batch:2', 'batch:3', 'batch:4', 'batch:5', 'batch:6']);
    // The first went alone; the five that queued behind it went in batches of at most three, in arrival order.
    expect(batches).toEqual([[1], [2, 3, 4], [5, 6]]);
  });

  it('runs the items of a failed batch one by one, so only the bad one fails', async () => {
    const { batches, runBatch, release } = gated();
    const ran: number[] = [];
    const runOne = async (item: number): Promise<string> => {
      ran.push(item);
      if (item === 13) throw new Error('item 13 refused');
      return `one:${item}`;
    };
    const group = createGroupCommit(runBatch, runOne, { maxBatch: 10, maxInFlight: 1 });
    const first = group.run(1);
    const rest = [12, 13, 14].map((item) => group.run(item).catch((error: unknown) => (error instanceof Error ? error.message : 'failed')));
    for (let round = 0; round < 3; round++) await release();
    expect(await first).toBe('batch:1');
    expect(await Promise.all(rest)).toEqual(['one:12', 'item 13 refused', 'one:14']);
    expect(batches).toEqual([[1], [12, 13, 14]]);
    expect(ran).toEqual([12, 13, 14]);
  });

  it('keeps at most maxInFlight batches running', async () => {
    const { batches, runBatch, release } = gated();
    const group = createGroupCommit(runBatch, async (item: number) => `one:${item}`, { maxBatch: 100, maxInFlight: 2 });
    const results = [1, 2, 3, 4].map((item) => group.run(item));
    await new Promise((resolve) => setImmediate(resolve));
    // Two running (each started alone, as nothing was queued yet); 3 and 4 wait for one of them.
    expect(batches).toEqual([[1], [2]]);
    await release();
    await release();
    await Promise.all(results);
    expect(batches).toEqual([[1], [2], [3, 4]]);
  });

  it('lets admission control size each batch, asking again when it admits none', async () => {
    const { batches, runBatch, release } = gated();
    // Two items the first time, none the second (ask again in 20 ms), then all.
    const answers = [{ take: 2 }, { take: 0, askAgainInMs: 20 }];
    const asked: number[] = [];
    const admit = (wanted: number): { take: number; askAgainInMs?: number } => {
      asked.push(wanted);
      return answers.shift() ?? { take: wanted };
    };
    const group = createGroupCommit(runBatch, async (item: number) => `one:${item}`, { maxBatch: 3, maxInFlight: 1, admit });
    const results = [1, 2, 3, 4].map((item) => group.run(item));
    await new Promise((resolve) => setImmediate(resolve));
    // 1 came alone and was admitted (two allowed, one wanted); 2–4 queued behind its batch.
    expect(batches).toEqual([[1]]);
    await release();
    await new Promise((resolve) => setImmediate(resolve));
    // The second question found 3 queued and was told none: nothing runs until it asks again.
    expect(asked).toEqual([1, 3]);
    expect(batches).toEqual([[1]]);
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(batches).toEqual([[1], [2, 3, 4]]);
    await release();
    expect(await Promise.all(results)).toEqual(['batch:1', 'batch:2', 'batch:3', 'batch:4']);
    expect(asked).toEqual([1, 3, 3]);
  });

  it('takes no more than admitted: the rest waits for a later batch, in order', async () => {
    const { batches, runBatch, release } = gated();
    const group = createGroupCommit(runBatch, async (item: number) => `one:${item}`, { maxBatch: 10, maxInFlight: 1, admit: () => ({ take: 2 }) });
    const results = [1, 2, 3, 4, 5, 6].map((item) => group.run(item));
    for (let round = 0; round < 4; round++) await release();
    expect(await Promise.all(results)).toEqual([1, 2, 3, 4, 5, 6].map((item) => `batch:${item}`));
    expect(batches).toEqual([[1], [2, 3], [4, 5], [6]]);
  });
});
