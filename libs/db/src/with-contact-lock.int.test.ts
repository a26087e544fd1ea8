import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createDb } from './create-db';
import { withContactLock, withContactLocks } from './with-contact-lock';

// Two clients = two pools, standing in for two worker processes.
const dbA = createDb(inject('databaseUrl'));
const dbB = createDb(inject('databaseUrl'));
afterAll(async () => {
  await dbA.$disconnect();
  await dbB.$disconnect();
});

describe('withContactLock', () => {
  it('runs critical sections for the same contact one at a time, across clients', async () => {
    const events: string[] = [];
    const section = (name: string) => async () => {
      events.push(`${name}:start`);
      await sleep(150);
      events.push(`${name}:end`);
      return name;
    };
    const results = await Promise.all([
      withContactLock(dbA, 'channel-1', '+1', section('a')),
      withContactLock(dbB, 'channel-1', '+1', section('b')),
    ]);
    expect(results).toEqual(['a', 'b']);
    // Whichever went first finished before the other started.
    expect([events.slice(0, 2), events.slice(2)].map((pair) => pair.map((e) => e.split(':')[1]))).toEqual([
      ['start', 'end'],
      ['start', 'end'],
    ]);
  });

  it('lets different contacts run in parallel', async () => {
    const started = Date.now();
    await Promise.all([
      withContactLock(dbA, 'channel-1', '+2', () => sleep(300)),
      withContactLock(dbB, 'channel-1', '+3', () => sleep(300)),
    ]);
    expect(Date.now() - started).toBeLessThan(550);
  });

  it('rolls back the section’s writes when it throws, and releases the lock', async () => {
    const slug = `lock-${Date.now()}`;
    await expect(
      withContactLock(dbA, 'channel-1', '+4', async (tx) => {
        await tx.workspace.create({ data: { name: 'x', slug } });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await dbA.workspace.count({ where: { slug } })).toBe(0);
    await expect(withContactLock(dbB, 'channel-1', '+4', async () => 'free')).resolves.toBe('free');
  });

  it('holds many contacts at once (withContactLocks), waiting for one held elsewhere', async () => {
    const events: string[] = [];
    const single = withContactLock(dbA, 'channel-2', '+2', async () => {
      events.push('single:start');
      await sleep(200);
      events.push('single:end');
    });
    await sleep(50);
    await withContactLocks(dbB, [{ channelId: 'channel-2', contact: '+1' }, { channelId: 'channel-2', contact: '+2' }, { channelId: 'channel-2', contact: '+1' }], async () => {
      events.push('many');
    });
    await single;
    expect(events).toEqual(['single:start', 'single:end', 'many']);
  });

  it('never deadlocks two batches locking overlapping contacts listed in opposite orders', async () => {
    const contacts = Array.from({ length: 20 }, (_, index) => ({ channelId: 'channel-3', contact: `+${index}` }));
    const rounds = Array.from({ length: 10 }, (_, round) =>
      Promise.all([
        withContactLocks(dbA, contacts, () => sleep(5), { maxWaitMs: 20_000 }),
        withContactLocks(dbB, [...contacts].reverse(), () => sleep(5), { maxWaitMs: 20_000 }),
      ]).then(() => round),
    );
    // A deadlock would make Postgres abort one transaction with "deadlock detected" (after deadlock_timeout).
    expect(await Promise.all(rounds)).toHaveLength(10);
  });
});
