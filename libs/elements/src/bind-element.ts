import type { AttributeRef } from './attribute-ref-schema';
import type { ElementContext } from './element-definition';
import type { ElementOutcome } from './element-outcome-schema';
import { elementRegistry, type Element, type ElementOfType, type ElementRegistry, type ElementType } from './registry';
import type { ResumeEvent } from './resume-event-schema';
import type { WaitFor } from './wait-for-schema';

/** An element paired with its definition: the engine's one way to call element code. */
export type BoundElement = {
  readonly element: Element;
  ports(): readonly string[];
  attributeRefs(): readonly AttributeRef[];
  run(context: ElementContext): ElementOutcome;
  /** Undefined when the element type never waits. */
  readonly onEvent: ((waitFor: WaitFor, event: ResumeEvent, context: ElementContext) => ElementOutcome) | undefined;
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
  return {
    element,
    ports: () => definition.ports(element),
    attributeRefs: () => definition.attributeRefs(element),
    run: (context) => definition.run(element, context),
    onEvent:
      onEvent === undefined
        ? undefined
        : (waitFor, event, context) => onEvent.call(definition, element, waitFor, event, context),
  };
}
