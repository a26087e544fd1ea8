// Lint fixture: the engine is synchronous. Expected: errors for the async function and the await.
export async function step(load: () => Promise<number>): Promise<number> {
  return (await load()) + 1;
}
