// Lint fixture: the editor imports only the router TYPE from the API. Expected: no errors.
import type { AppRouter } from '@parley/api';

export type Router = AppRouter;

export function Title({ text }: { text: string }) {
  return <h1>{text}</h1>;
}
