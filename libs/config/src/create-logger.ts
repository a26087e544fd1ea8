import { pino, type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from './log-level';

export type { Logger } from 'pino';

export type CreateLoggerOptions = {
  /** The process or component, e.g. `api`, `worker`; every line carries it as `name`. */
  name: string;
  level: LogLevel;
  /** Where lines go; stdout by default. Tests pass a stream to read lines back. */
  destination?: DestinationStream;
};

/** Keys whose values never reach the log, at the top level or one object deep. */
const REDACTED_KEYS = ['secret', 'password', 'token', 'authorization', 'cookie', 'webhookSecret', 'secretKey'];

/**
 * The one logger factory: pino JSON lines on stdout with `level` as a label,
 * `time` as ISO-8601, `name`, and secret-looking keys redacted. Per-unit context
 * goes in children: `logger.child({ requestId })`, `logger.child({ sessionId })`.
 */
export function createLogger({ name, level, destination }: CreateLoggerOptions): Logger {
  const options = {
    name,
    level,
    base: { name },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
    redact: { paths: REDACTED_KEYS.flatMap((key) => [key, `*.${key}`]), censor: '[redacted]' },
  };
  return destination ? pino(options, destination) : pino(options);
}
