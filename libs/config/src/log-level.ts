import { z } from 'zod';

/** pino's levels, most to least severe, plus `silent`. */
export const logLevelSchema = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
  error: 'must be one of fatal, error, warn, info, debug, trace, silent',
});
export type LogLevel = z.infer<typeof logLevelSchema>;

/** LOG_LEVEL: a pino level; defaults to `info`. */
export function logLevel(defaultLevel: LogLevel = 'info') {
  return logLevelSchema.default(defaultLevel);
}
