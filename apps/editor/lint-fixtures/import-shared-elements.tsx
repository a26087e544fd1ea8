// Lint fixture: the editor's forms read the shared element schemas. Expected: no errors.
import { elementSchemas } from '@parley/elements';

export const schemas = elementSchemas;
