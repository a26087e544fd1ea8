// The parent side only: importing this never loads isolated-vm (the sandbox processes do).
// The in-process engine is `@parley/sandbox/isolate-pool` (benchmarks, the sandbox process).
export { SandboxPool, type SandboxPoolStats } from './sandbox-pool';
export type { ProcessMemoryCeiling } from './resolve-process-memory-ceiling';
export { sandboxPoolOptionsSchema, type ResolvedSandboxPoolOptions, type SandboxPoolOptions } from './sandbox-pool-options-schema';
export type { IsolatePoolStats } from './isolate-pool';
export { isolatePoolOptionsSchema, type IsolatePoolOptions, type ResolvedIsolatePoolOptions } from './isolate-pool-options-schema';
export { maxIsolateMemoryMb, maxScriptLength, sandboxAttributesSchema, sandboxInputSchema, sandboxLimitsSchema, type SandboxInput } from './sandbox-input-schema';
export { sandboxErrorCodeSchema, sandboxResultSchema, type SandboxError, type SandboxResult } from './sandbox-result-schema';
export type { Sandbox } from './sandbox';
export { SandboxUnavailableError } from './sandbox-unavailable-error';
