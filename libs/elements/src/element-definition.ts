import type { z } from 'zod';
import type { AttributeDeclaration } from './attribute-declaration-schema';
import type { AttributeRef } from './attribute-ref-schema';
import type { AttributeValues } from './attribute-values-schema';
import type { ElementIssue } from './element-issue-schema';
import type { ElementOutcome } from './element-outcome-schema';
import type { ResumeEvent } from './resume-event-schema';
import type { ValidationContext } from './validation-context';
import type { WaitFor } from './wait-for-schema';

/**
 * What an element sees while it runs. Everything it may depend on is here, so elements
 * stay pure: no clock, no randomness, no I/O of their own.
 */
export type ElementContext = {
  /**
   * Attribute values as of this element (earlier elements of the step included), inbound
   * attributes included. Inside a component: the component's attributes plus inbound ones.
   */
  readonly attributes: Readonly<AttributeValues>;
  /** Declarations of the attributes in scope (built-ins included), for type-aware elements. */
  readonly declarations: Readonly<Record<string, AttributeDeclaration>>;
  /** The step's time, epoch ms. */
  readonly now: number;
  /**
   * Uniform in [0, 1). Call it only when a random choice is really made, so elements
   * that choose nothing leave the sequence (and thus other choices) untouched.
   */
  readonly random: () => number;
};

/** Where an element sits in the editor's palette (Infobip's groups). */
export type ElementCategory = 'sends' | 'receives' | 'actions';

/**
 * One element type. `E` is the element's parsed config (from its zod schema).
 * All functions are pure and total: for any config that passes `schema` they return,
 * never throw.
 */
export type ElementDefinition<E extends { id: string; type: string }> = {
  readonly type: E['type'];
  /** Display name in the palette, e.g. 'Send message'. */
  readonly title: string;
  readonly category: ElementCategory;
  /** The config schema (the flow schema, the JSON Schema and the editor forms use it). */
  readonly schema: z.ZodType<E>;
  /** At most this many elements of this type per dialog (validateFlow: 'too-many-per-dialog'). */
  readonly maxPerDialog?: number;
  /**
   * Output ports this element can leave through; edges from other ports are invalid.
   * An element whose fallback may use the 'port' action lists 'fallback' (fallbackPorts).
   */
  ports(element: E): readonly string[];
  /** Attributes the config reads (placeholders, conditions ...) or writes (saveAs ...). */
  attributeRefs(element: E): readonly AttributeRef[];
  /** Runs the element when the flow reaches it. */
  run(element: E, context: ElementContext): ElementOutcome;
  /**
   * Resumes an element whose `run` (or previous `onEvent`) returned `wait`. `waitFor` is
   * what it returned (with its `state`); `event` has already been matched to this wait
   * by the engine. Elements that never wait leave it out.
   */
  onEvent?(element: E, waitFor: WaitFor, event: ResumeEvent, context: ElementContext): ElementOutcome;
  /**
   * Checks beyond the schema that need the flow around the element: attribute types,
   * dialog and component ids ... Pure, total, never throws. Undeclared attributes are
   * already reported from `attributeRefs`; do not report them again.
   */
  validate?(element: E, context: ValidationContext): readonly ElementIssue[];
};
