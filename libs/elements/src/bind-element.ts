import type { AttributeRef } from './attribute-ref-schema';
import type { ElementContext } from './element-definition';
import type { ElementIssue } from './element-issue-schema';
import type { ElementOutcome } from './element-outcome-schema';
import { elementRegistry, type Element, type ElementOfType, type ElementRegistry, type ElementType } from './registry';
import type { ResumeEvent } from './resume-event-schema';
import type { ValidationContext } from './validation-context';
import type { WaitFor } from './wait-for-schema';

/** An element paired with its definition: the engine's one way to call element code. */
export type BoundElement = {
  readonly element: Element;
  readonly title: string;
  readonly maxPerDialog: number | undefined;
  ports(): readonly string[];
  attributeRefs(): readonly AttributeRef[];
  run(context: ElementContext): ElementOutcome;
  /** Undefined when the element type never waits. */
  readonly onEvent: ((waitFor: WaitFor, event: ResumeEvent, context: ElementContext) => ElementOutcome) | undefined;
  /** The element's own checks ([] when its type has none). */
  validate(context: ValidationContext): readonly ElementIssue[];
};

const definitions: ElementRegistry = elementRegistry;

/** Binds `element` to the definition of its type (total: every type has one). */
export function bindElement(element: Element): BoundElement {
  return bindTyped(element.type, element);
}

// Generic over the type so TypeScript correlates the definition with its config (no casts).
function bindTyped<T extends ElementType>(type: T, element: ElementOfType[T]): BoundElement {
  const definition = definitions[type];
  const onEvent = definition.onEvent;
  const validate = definition.validate;
  return {
    element,
    title: definition.title,
    maxPerDialog: definition.maxPerDialog,
    ports: () => definition.ports(element),
    attributeRefs: () => definition.attributeRefs(element),
    run: (context) => definition.run(element, context),
    onEvent:
      onEvent === undefined
        ? undefined
        : (waitFor, event, context) => onEvent.call(definition, element, waitFor, event, context),
    validate: (context) => (validate === undefined ? [] : validate.call(definition, element, context)),
  };
}
