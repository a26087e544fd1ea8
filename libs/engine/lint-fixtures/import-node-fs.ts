// Lint fixture: a Node built-in in engine code. Expected: error.
import { readFileSync } from 'node:fs';

export const load = (path: string): string => readFileSync(path, 'utf8');
