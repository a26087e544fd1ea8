// Lint fixture: reading the clock in engine code. Expected: error.
export const stamp = (): number => Date.now();
