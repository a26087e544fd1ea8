import { apiElementBench } from './api-element.bench';
import type { BenchSuite } from './bench-suite';
import { callsBench } from './calls.bench';
import { codeRunBench } from './code-run.bench';
import { cpuPerReplyBench } from './cpu-per-reply.bench';
import { editorBench } from './editor.bench';
import { endToEndBench } from './end-to-end.bench';
import { ingressBench } from './ingress.bench';
import { noisyNeighbourBench } from './noisy-neighbour.bench';
import { waitingSessionsBench } from './waiting-sessions.bench';
import { webchatStreamsBench } from './webchat-streams.bench';

/** Every benchmark suite, in run order. Add a suite: one import and one entry. */
export const suites: BenchSuite[] = [apiElementBench, codeRunBench, ingressBench, endToEndBench, cpuPerReplyBench, callsBench, noisyNeighbourBench, waitingSessionsBench, webchatStreamsBench, editorBench];
