// Lint fixture: the editor has no business with the data layer, even for types. Expected: error.
import type { SessionRow } from '@parley/db';

export type Row = SessionRow;
