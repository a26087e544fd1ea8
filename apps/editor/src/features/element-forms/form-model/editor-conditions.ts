import type { EditorElement } from '../../bot-editor/document/editor-flow';

/** A Conditions element as written in the document. */
export type EditorConditionsElement = Extract<EditorElement, { type: 'conditions' }>;
/** One condition (branch) as written. */
export type EditorCondition = EditorConditionsElement['conditions'][number];
/** One rule as written. */
export type EditorConditionRule = EditorCondition['rules'][number];
/** One group of rules as written. */
export type EditorConditionGroup = NonNullable<EditorCondition['groups']>[number];
