import { appRouter } from './app-router';
import { createCallerFactory } from './trpc';

/**
 * Calls procedures in-process with a given context (see createContext): for
 * tests and server-side code. Errors are thrown as TRPCError (the error
 * formatter only shapes HTTP responses; read `error.cause` for the issues).
 */
export const createCaller = createCallerFactory(appRouter);
