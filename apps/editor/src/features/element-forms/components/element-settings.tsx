'use client';

import { elementRegistry, elementTypes, type ElementType } from '@parley/elements';
import { memo, useEffect, useId, useRef } from 'react';
import { useFlow, useSelection, useSelectionStore } from '../../bot-editor/store/editor-stores';
import { describeElementFields } from '../form-model/describe-element-fields';
import { findElement } from '../../bot-editor/document/flow-edits';
import { fieldDomId } from '../form-model/field-dom-id';
import { focusFieldControl } from '../form-model/focus-field-control';
import { handledFocusRequests } from '../hooks/handled-focus-requests';
import { ApiSettings } from './api-settings';
import { ElementNameField } from './element-name-field';
import { ElementProblems } from './element-problems';
import { FieldList } from './field-list';

const categoryNames = { sends: 'Chatbot sends', receives: 'Chatbot receives', actions: 'Chatbot actions' } as const;

function isElementType(type: string): type is ElementType {
  return elementTypes.some((candidate) => candidate === type);
}

/**
 * The settings panel of one element: its type and editable name, its problems, then its
 * fields, generated from the element's schema (describeElementFields) with hand-made
 * editors where the schema's form metadata asks for one, and the API element's tabbed
 * layout. Every control writes straight into the document store and subscribes to its own
 * value only, and the panel itself is memoized on `elementId` (the page shell re-renders
 * on every edit), so typing stays fast in large bots. When a focus request for this
 * element arrives (the Problems panel, a problem above), the keyboard goes to that field.
 */
export const ElementSettings = memo(function ElementSettings({ elementId }: { elementId: string }) {
  const type = useFlow((state) => findElement(state.flow, elementId)?.type);
  const request = useSelection((state) => state.focusRequest);
  const selection = useSelectionStore();
  const container = useRef<HTMLDivElement>(null);
  const headingId = useId();

  useEffect(() => {
    if (!request || request.elementId !== elementId || handledFocusRequests.get(selection) === request.nonce) return;
    handledFocusRequests.set(selection, request.nonce);
    // Two frames: a tab or section the field lives in opens on the first render after the request.
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => {
        const root = container.current;
        if (!root) return;
        if (request.field === undefined || !focusFieldControl(root, request.field)) {
          root.querySelector<HTMLElement>(`#${CSS.escape(fieldDomId(elementId, ['name']))}`)?.focus();
        }
      });
    });
    return () => cancelAnimationFrame(frame);
  }, [request, elementId, selection]);

  if (type === undefined) {
    return <p className="p-4 text-sm text-muted-foreground">This element no longer exists.</p>;
  }
  if (!isElementType(type)) {
    return <p className="p-4 text-sm text-muted-foreground">{`Unknown element type "${type}": it cannot be edited here.`}</p>;
  }
  const definition = elementRegistry[type];
  const fields = describeElementFields(type);
  return (
    <section ref={container} aria-labelledby={headingId} className="flex h-full min-w-0 flex-col overflow-y-auto" data-element-settings={elementId}>
      <header className="grid gap-3 border-b p-4">
        <div>
          <p className="text-xs font-medium tracking-wide text-muted-foreground uppercase">{categoryNames[definition.category]}</p>
          <h2 id={headingId} className="text-base font-semibold">
            {definition.title}
          </h2>
        </div>
        <ElementNameField elementId={elementId} placeholder={definition.title} />
      </header>
      <div className="grid min-w-0 gap-4 p-4">
        <ElementProblems elementId={elementId} />
        {type === 'api' ? (
          <ApiSettings elementId={elementId} />
        ) : fields.length === 0 ? (
          <p className="text-sm text-muted-foreground">{emptyText(type)}</p>
        ) : (
          <FieldList elementId={elementId} fields={fields} path={[]} />
        )}
      </div>
    </section>
  );
});

function emptyText(type: ElementType): string {
  if (type === 'close-session') return 'Ends the chatbot session. The end user’s next message starts a new session. Nothing to set.';
  if (type === 'component-return') return 'Ends the component here; its outputs go back to the Component element that called it. Nothing to set.';
  return 'Nothing to set.';
}
