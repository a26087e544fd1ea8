// Lint fixture: a server (type:data) project in engine code. Expected: error.
import { createDb } from '@parley/db';

export const db = createDb;
