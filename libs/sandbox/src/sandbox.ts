import type { SandboxInput } from './sandbox-input-schema';
import type { SandboxResult } from './sandbox-result-schema';

/**
 * What callers of the sandbox depend on (the runner's `code.run` executor takes one
 * through its context; `SandboxPool` is the implementation).
 * `runInSandbox` resolves with the run's result, whatever the script did; it rejects only
 * with `SandboxUnavailableError` (pool disposed, no isolate could be created, or the run
 * waited in the queue too long).
 */
export type Sandbox = {
  runInSandbox: (input: SandboxInput) => Promise<SandboxResult>;
};
