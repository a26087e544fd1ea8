// Lint fixture: a Node built-in without the node: prefix. Expected: error.
import { readFile } from 'fs/promises';

export const load = readFile;
