import type { FlowInput } from '@parley/engine';

/**
 * A component document as written (the engine's embedded component without `id` and
 * `version`, see libs/api components/component-document.ts): the type the editor opens
 * and saves. The editor may not import the API's schema at run time, so it names the
 * engine's input type.
 */
export type EditorComponentDocument = Omit<NonNullable<FlowInput['components']>[number], 'id' | 'version'>;
