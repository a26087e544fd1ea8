// Lint fixture: libs/config (type:util) is a leaf every other project may use, so it
// must not import them back. Expected: error.
import { createDb } from '@parley/db';

export const db = createDb;
