import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createBot } from './create-bot';
import { createChannel } from './create-channel';
import { createDb } from './create-db';
import { createWorkspace } from './create-workspace';
import { getChannel } from './get-channel';
import { SecretBoxError } from './secret-box';

const db = createDb(inject('databaseUrl'));
afterAll(() => db.$disconnect());
const secretKey = randomBytes(32).toString('hex');

async function newChannel(id?: string) {
  const workspace = await createWorkspace(db, { name: 'Ch', slug: `ch-${randomUUID()}` });
  const bot = await createBot(db, { workspaceId: workspace.id, name: 'Bot', draft: {} });
  return createChannel(
    db,
    {
      ...(id ? { id } : {}),
      workspaceId: workspace.id,
      botId: bot.id,
      type: 'telegram',
      name: 'Telegram',
      config: { outboundUrl: 'http://127.0.0.1:1/out' },
      secrets: { botToken: 'tg-token-123456', nested: { webhookSecret: 'whsec_abcdef' } },
    },
    secretKey,
  );
}

describe('channels', () => {
  it('stores secrets encrypted and returns them decrypted', async () => {
    const channel = await newChannel();
    expect(channel).toMatchObject({ type: 'telegram', enabled: true, config: { outboundUrl: 'http://127.0.0.1:1/out' } });
    expect(channel.secrets).toEqual({ botToken: 'tg-token-123456', nested: { webhookSecret: 'whsec_abcdef' } });

    const row = await db.channel.findUniqueOrThrow({ where: { id: channel.id } });
    expect(row.secrets).not.toContain('tg-token-123456');
    expect(row.secrets).not.toContain('whsec_abcdef');
    expect(row.secrets).toMatch(/^v1\./);

    expect(await getChannel(db, channel.id, secretKey)).toEqual(channel);
    expect(await getChannel(db, randomUUID(), secretKey)).toBeNull();
  });

  it('honours a fixed id', async () => {
    const id = `fixed-${randomUUID()}`;
    expect((await newChannel(id)).id).toBe(id);
  });

  it('fails to open with another key, or with secrets moved from another channel', async () => {
    const a = await newChannel();
    const b = await newChannel();
    await expect(getChannel(db, a.id, randomBytes(32).toString('hex'))).rejects.toBeInstanceOf(SecretBoxError);

    const sealedA = (await db.channel.findUniqueOrThrow({ where: { id: a.id } })).secrets;
    await db.channel.update({ where: { id: b.id }, data: { secrets: sealedA } });
    await expect(getChannel(db, b.id, secretKey)).rejects.toBeInstanceOf(SecretBoxError);
  });
});
