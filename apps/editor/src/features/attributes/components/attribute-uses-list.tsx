'use client';

import { elementRegistry } from '@parley/elements';
import { elementSummary } from '../../canvas/model/element-summary';
import type { AttributeUse } from '../model/attribute-uses';

type AttributeUsesListProps = {
  id: string;
  name: string;
  uses: readonly AttributeUse[];
  /** Opens the element (closing the manager) with the keyboard in its first field naming the attribute. */
  onOpenElement(dialogId: string, elementId: string, field: string | undefined): void;
};

function fieldsText(use: AttributeUse): string {
  const fields = use.fields.map((field) => `${field.field || 'config'}${field.access === 'write' ? ' (writes)' : ''}`);
  return [...new Set(fields)].join(', ');
}

/** The elements (by dialog, type and name) and the bot settings that use an attribute; each element opens on click. */
export function AttributeUsesList({ id, name, uses, onOpenElement }: AttributeUsesListProps) {
  return (
    <ul id={id} aria-label={`Uses of ${name}`} className="grid gap-1 py-1">
      {uses.map((use) =>
        use.kind === 'element' ? (
          <li key={use.element.id}>
            <button
              type="button"
              className="grid w-full cursor-pointer gap-0.5 rounded-md px-2 py-1.5 text-left text-sm hover:bg-muted focus-visible:outline-2 focus-visible:outline-ring"
              onClick={() => onOpenElement(use.dialog.id, use.element.id, use.fields[0]?.field)}
            >
              <span>
                <span className="text-muted-foreground">{use.dialog.name} › </span>
                <span className="font-medium">{elementRegistry[use.element.type].title}</span>
                {(use.element.name?.trim() || elementSummary(use.element)) && <span className="text-muted-foreground"> · {use.element.name?.trim() || elementSummary(use.element)}</span>}
              </span>
              <span className="text-xs text-muted-foreground">{fieldsText(use)}</span>
            </button>
          </li>
        ) : (
          <li key="bot-fallback" className="grid gap-0.5 px-2 py-1.5 text-sm">
            <span>
              <span className="text-muted-foreground">Bot settings › </span>
              <span className="font-medium">Default fallback</span>
            </span>
            <span className="text-xs text-muted-foreground">{fieldsText(use)}</span>
          </li>
        ),
      )}
    </ul>
  );
}
