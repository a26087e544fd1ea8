// Lint fixture: engine code importing another type:engine project. Expected: no errors.
import type { ElementType } from '@parley/elements';

export type Known = ElementType;
