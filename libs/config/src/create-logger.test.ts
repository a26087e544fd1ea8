import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createLogger } from './create-logger';

const logLineSchema = z.record(z.string(), z.unknown());

function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = {
    write(line: string) {
      lines.push(logLineSchema.parse(JSON.parse(line)));
    },
  };
  return { lines, destination };
}

describe('createLogger', () => {
  it('writes JSON lines with name, label level, ISO time and child context', () => {
    const { lines, destination } = capture();
    const logger = createLogger({ name: 'api', level: 'info', destination });
    logger.child({ requestId: 'r1', sessionId: 's1' }).info({ channelId: 'c1' }, 'message accepted');
    logger.debug('not at this level');

    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 'info',
      name: 'api',
      requestId: 'r1',
      sessionId: 's1',
      channelId: 'c1',
      msg: 'message accepted',
    });
    expect(String(lines[0]?.time)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('redacts secret-looking keys', () => {
    const { lines, destination } = capture();
    createLogger({ name: 'worker', level: 'info', destination }).info(
      { secret: 's', channel: { webhookSecret: 'whsec_x', id: 'c1' }, headers: { authorization: 'Bearer t' } },
      'redaction',
    );
    expect(lines[0]).toMatchObject({
      secret: '[redacted]',
      channel: { webhookSecret: '[redacted]', id: 'c1' },
      headers: { authorization: '[redacted]' },
    });
  });
});
