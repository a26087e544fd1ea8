import type { RouterOutputs } from '../../../trpc/browser-api';

/** One component as components.list gives it (a row of the components table). */
export type ComponentSummary = RouterOutputs['components']['list'][number];
