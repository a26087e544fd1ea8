import type { Edge, FlowInput } from '@parley/engine';
import type { AttributeDeclaration, ElementType } from '@parley/elements';

/**
 * The document the editor edits: a flow as written (docs/flow-format.md). While a person
 * works it may break validation rules (an empty text, an edge to a deleted element), so
 * nothing here assumes validateFlow passes; every edit keeps it structurally a flow
 * (dialogs with elements and edges) so the draft can always be saved and reopened.
 */
export type EditorFlow = FlowInput;
export type EditorDialog = EditorFlow['dialogs'][number];
/** An element as written (defaulted fields may be absent). */
export type EditorElement = EditorDialog['elements'][number];
export type EditorEdge = Edge;
export type EditorAttribute = AttributeDeclaration;
export type { ElementType };

/** A field inside an element, e.g. ['buttons', 1, 'label']. */
export type FieldPath = readonly (string | number)[];

/** Canvas coordinates. */
export type Point = { x: number; y: number };
