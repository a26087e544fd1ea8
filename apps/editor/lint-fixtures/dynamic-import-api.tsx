// Lint fixture: a dynamic import would load server code in the browser. Expected: error.
export const loadRouter = () => import('@parley/api');
