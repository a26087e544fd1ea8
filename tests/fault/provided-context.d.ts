declare module 'vitest' {
  export interface ProvidedContext {
    /** False when the fault suite shares its run with other projects: its tests are skipped then. */
    faultSuiteAlone: boolean;
  }
}
export {};
