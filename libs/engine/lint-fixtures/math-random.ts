// Lint fixture: randomness in engine code. Expected: error.
export const pick = <T>(items: readonly T[]): T | undefined => items[Math.floor(Math.random() * items.length)];
