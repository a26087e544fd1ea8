'use client';

import { Fragment, type ReactNode } from 'react';
import { Badge } from '../../../ui/badge';
import { Button } from '../../../ui/button';
import { ConfirmButton } from '../../../ui/confirm-button';
import { TableCell, TableRow, TableRowHeader } from '../../../ui/table';
import type { EditorAttribute } from '../../bot-editor/document/editor-flow';
import { attributeScopeLabels, attributeTypeLabels } from '../model/attribute-labels';
import type { AttributeUse } from '../model/attribute-uses';
import { defaultValueText } from '../model/default-value-text';
import { AttributeUsesList } from './attribute-uses-list';

type AttributeRowProps = {
  attribute: EditorAttribute;
  uses: readonly AttributeUse[];
  builtIn: boolean;
  /** Present: a Role cell after the name (a component's attribute). */
  roleCell?: ReactNode;
  expanded: boolean;
  onToggle(): void;
  onOpenElement(dialogId: string, elementId: string, field: string | undefined): void;
  /** Undefined: no Edit / Delete (built-ins, read-only members). */
  onEdit?(): void;
  /** Called for an unused attribute after confirmation, or at once for a used one (the manager says why it stays). */
  onDelete?(): void;
  /** Columns of the table, for the expanded row. */
  columns: number;
};

function usesText(uses: readonly AttributeUse[]): string {
  const elements = uses.filter((use) => use.kind === 'element').length;
  const parts = [elements === 1 ? '1 element' : elements > 1 ? `${elements} elements` : '', uses.some((use) => use.kind === 'bot-fallback') ? 'bot fallback' : ''].filter(Boolean);
  return parts.join(' + ');
}

/** One attribute of the manager's table: its declaration, how often it is used (expandable into the list of uses) and its actions. */
export function AttributeRow({ attribute, uses, builtIn, roleCell, expanded, onToggle, onOpenElement, onEdit, onDelete, columns }: AttributeRowProps) {
  const listId = `attribute-uses-${attribute.name}`;
  const defaultText = defaultValueText(attribute.defaultValue);
  return (
    <Fragment>
      <TableRow data-testid="attribute-row" data-attribute={attribute.name}>
        <TableRowHeader>
          <code className="text-sm">{attribute.name}</code>
          {builtIn && (
            <Badge variant="outline" className="ml-2">
              built-in
            </Badge>
          )}
        </TableRowHeader>
        {roleCell !== undefined && <TableCell>{roleCell}</TableCell>}
        <TableCell>{attributeTypeLabels[attribute.type]}</TableCell>
        <TableCell>{attributeScopeLabels[attribute.scope]}</TableCell>
        {!builtIn && <TableCell className="max-w-48 truncate">{defaultText === '' ? <span className="text-muted-foreground">None</span> : <code className="text-xs">{defaultText}</code>}</TableCell>}
        <TableCell>
          {uses.length === 0 ? (
            <span className="text-muted-foreground">Not used</span>
          ) : (
            <Button variant="ghost" size="sm" className="-ml-3" aria-expanded={expanded} aria-controls={expanded ? listId : undefined} aria-label={`Where ${attribute.name} is used: ${usesText(uses)}`} onClick={onToggle}>
              {usesText(uses)}
              <span aria-hidden="true">{expanded ? '▴' : '▾'}</span>
            </Button>
          )}
        </TableCell>
        {!builtIn && (
          <TableCell className="py-1.5">
            <div className="flex justify-end gap-2">
              {onEdit && (
                <Button variant="outline" size="sm" aria-label={`Edit attribute ${attribute.name}`} onClick={onEdit}>
                  Edit
                </Button>
              )}
              {onDelete &&
                (uses.length > 0 ? (
                  <Button variant="outline" size="sm" aria-label={`Delete attribute ${attribute.name}`} onClick={onDelete}>
                    Delete
                  </Button>
                ) : (
                  <ConfirmButton
                    label="Delete"
                    ariaLabel={`Delete attribute ${attribute.name}`}
                    title={`Delete attribute “${attribute.name}”?`}
                    description="Nothing in this bot uses it. You can undo this in the editor."
                    confirmLabel="Delete attribute"
                    destructive
                    onConfirm={onDelete}
                  />
                ))}
            </div>
          </TableCell>
        )}
      </TableRow>
      {expanded && uses.length > 0 && (
        <TableRow className="hover:bg-transparent">
          <TableCell colSpan={columns} className="bg-muted/30 py-1">
            <AttributeUsesList id={listId} name={attribute.name} uses={uses} onOpenElement={onOpenElement} />
          </TableCell>
        </TableRow>
      )}
    </Fragment>
  );
}
