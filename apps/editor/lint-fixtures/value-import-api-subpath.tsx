// Lint fixture: a value import from a server package subpath. Expected: error.
import { procedures } from '@parley/api/procedures';

export const all = procedures;
