// Lint fixture: `import { type X }` keeps a side-effect import of the module under
// verbatimModuleSyntax, so it still loads server code. Expected: error.
import { type AppRouter } from '@parley/api';

export type Router = AppRouter;
