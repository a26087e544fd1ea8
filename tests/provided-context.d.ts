declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    /** A second migrated database, for the editor's browser test alone. */
    editorDatabaseUrl: string;
    redisPrefix: string;
    redisUrl: string;
  }
}
export {};
