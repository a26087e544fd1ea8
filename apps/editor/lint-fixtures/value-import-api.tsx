// Lint fixture: a value import would bundle server code into the browser. Expected: error.
import { appRouter } from '@parley/api';

export const router = appRouter;
