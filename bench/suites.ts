import type { BenchSuite } from './bench-suite';

/** Every benchmark suite, in run order. Add a suite: one import and one entry. */
export const suites: BenchSuite[] = [];
