// Lint fixture: the queue in engine code. Expected: error.
import { Queue } from 'bullmq';

export const queue = Queue;
