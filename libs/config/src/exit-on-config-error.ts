import { ConfigError } from './config-error';

/**
 * Runs `load` (typically `() => loadConfig(schema)`) for a process entry point.
 * On a `ConfigError` it writes the error's message, without a stack trace, to
 * stderr and exits with code 1: a misconfigured process should say what to fix
 * and stop. Any other error is rethrown unchanged.
 */
export function exitOnConfigError<T>(load: () => T): T {
  try {
    return load();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
