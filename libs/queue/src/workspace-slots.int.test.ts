import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { acquireWorkspaceSlot, releaseWorkspaceSlot } from './workspace-slots';

/** Against the real Redis, under this run's key prefix; every test uses its own workspace. */
let redis: Redis;

beforeAll(() => {
  redis = new Redis(inject('redisUrl'), { maxRetriesPerRequest: 1 });
});

afterAll(async () => {
  await redis.quit();
});

function slot(workspaceId: string, holder: string, limit = 2, leaseMs = 60_000) {
  return { prefix: inject('redisPrefix'), kind: 'calls', workspaceId, holder, limit, leaseMs };
}

describe('workspace slots', () => {
  it('gives a workspace at most `limit` slots, again to the same holder, and frees one on release', async () => {
    const workspace = randomUUID();
    const now = Date.now();
    expect(await acquireWorkspaceSlot(redis, slot(workspace, 'a'), now)).toBe(true);
    expect(await acquireWorkspaceSlot(redis, slot(workspace, 'b'), now)).toBe(true);
    expect(await acquireWorkspaceSlot(redis, slot(workspace, 'c'), now)).toBe(false);
    expect(await acquireWorkspaceSlot(redis, slot(workspace, 'a'), now)).toBe(true);
    // Another workspace is not affected by this one being full.
    expect(await acquireWorkspaceSlot(redis, slot(randomUUID(), 'c'), now)).toBe(true);
    await releaseWorkspaceSlot(redis, slot(workspace, 'a'));
    expect(await acquireWorkspaceSlot(redis, slot(workspace, 'c'), now)).toBe(true);
  });

  it("frees a dead holder's slot once its lease ran out", async () => {
    const workspace = randomUUID();
    const now = Date.now();
    expect(await acquireWorkspaceSlot(redis, slot(workspace, 'dead', 1, 1_000), now)).toBe(true);
    expect(await acquireWorkspaceSlot(redis, slot(workspace, 'next', 1, 1_000), now + 999)).toBe(false);
    expect(await acquireWorkspaceSlot(redis, slot(workspace, 'next', 1, 1_000), now + 1_001)).toBe(true);
  });
});
