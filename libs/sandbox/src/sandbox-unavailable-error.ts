/**
 * The sandbox could not run the script at all: the pool was disposed, an isolate could
 * not be created, or every isolate stayed busy past the queue timeout. Says nothing about
 * the script; callers report the run as not executed.
 */
export class SandboxUnavailableError extends Error {
  override readonly name = 'SandboxUnavailableError';
}
