// Lint fixture: `new Date()` without arguments reads the clock. Expected: error.
export const today = (): string => new Date().toISOString();
