'use client';

import { builtInAttributes, elementRegistry } from '@parley/elements';
import { useMemo, useState } from 'react';
import { Button } from '../../../ui/button';
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from '../../../ui/dialog';
import { EmptyState } from '../../../ui/empty-state';
import { FormStatus } from '../../../ui/form-status';
import { PlusIcon } from '../../../ui/icons';
import { Table, TableBody, TableHead, TableHeader, TableRow } from '../../../ui/table';
import type { EditorAttribute } from '../../bot-editor/document/editor-flow';
import { useFlow, useFlowStore, useSelectionStore } from '../../bot-editor/store/editor-stores';
import { addAttribute, removeAttribute, updateAttribute, type AttributeChanges } from '../model/attribute-edits';
import { attributeUses, type AttributeUse } from '../model/attribute-uses';
import { attributeRoleLabels, attributeRoles } from '../../components/model/attribute-role';
import type { AttributeRolesEditor } from '../../components/model/attribute-roles-editor';
import { AttributeFormDialog } from './attribute-form-dialog';
import { AttributeRow } from './attribute-row';

export type AttributesDialogProps = {
  open: boolean;
  onOpenChange(open: boolean): void;
  /** Analysts: the tables and where each attribute is used, no Add / Edit / Delete. Default false. */
  readOnly?: boolean | undefined;
  /**
   * A component's attributes: a Role column (input, output or working; a select for
   * builders) and texts saying "component". Absent: a bot's attributes.
   */
  roles?: AttributeRolesEditor | undefined;
};

type Notice = { kind: 'success' | 'error'; text: string };

/** "Main › Send message, Help › API and the bot fallback". */
function placesText(uses: readonly AttributeUse[]): string {
  const places = uses.map((use) => (use.kind === 'element' ? `${use.dialog.name} › ${use.element.name?.trim() || elementRegistry[use.element.type].title}` : 'the bot fallback'));
  return places.length <= 1 ? (places[0] ?? '') : `${places.slice(0, -1).join(', ')} and ${places.at(-1)}`;
}

/**
 * The attributes manager of the open bot (inside its EditorStoresProvider): the declared
 * attributes (name, type, scope, default, where used, expandable into the elements using
 * each; choosing one closes the manager and opens that element's field), then the
 * built-in ones, read only. Builders add, edit (a rename updates every use, one undo
 * step) and delete attributes (refused while used, saying where).
 */
export function AttributesDialog({ open, onOpenChange, readOnly = false, roles }: AttributesDialogProps) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="flex max-h-[calc(100vh-2rem)] w-[calc(100vw-2rem)] max-w-5xl flex-col gap-3 p-5" data-testid="attributes-dialog">
        <DialogHeader>
          <DialogTitle>Attributes</DialogTitle>
          <DialogDescription>
            {roles
              ? 'What the component remembers. Inputs are filled by the bot using it, outputs are copied back to that bot when the component returns, working attributes are its own.'
              : 'What the bot remembers: saved from replies and calls, read in messages and conditions.'}
          </DialogDescription>
        </DialogHeader>
        {open && <AttributesManager readOnly={readOnly} roles={roles} onClose={() => onOpenChange(false)} />}
      </DialogContent>
    </Dialog>
  );
}

function AttributesManager({ readOnly, roles, onClose }: { readOnly: boolean; roles: AttributeRolesEditor | undefined; onClose(): void }) {
  const noun = roles ? 'component' : 'bot';
  const flowStore = useFlowStore();
  const selectionStore = useSelectionStore();
  const flow = useFlow((state) => state.flow);
  const [editing, setEditing] = useState<EditorAttribute | undefined | null>(null);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [notice, setNotice] = useState<Notice | null>(null);

  const declared = flow.attributes;
  const usesByName = useMemo(() => {
    const byName = new Map<string, AttributeUse[]>();
    for (const attribute of [...flow.attributes, ...builtInAttributes]) byName.set(attribute.name, attributeUses(flow, attribute.name));
    return byName;
  }, [flow]);
  const usesOf = (name: string): readonly AttributeUse[] => usesByName.get(name) ?? [];
  const declaredNames = useMemo(() => declared.map((attribute) => attribute.name), [declared]);

  const toggle = (name: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(name)) next.delete(name);
      else next.add(name);
      return next;
    });
  const openElement = (dialogId: string, elementId: string, field: string | undefined) => {
    selectionStore.getState().focusField(dialogId, elementId, field);
    onClose();
  };
  const save = (changes: AttributeChanges) => {
    const current = editing;
    if (current === null) return;
    if (current === undefined) {
      flowStore.getState().edit((document) => addAttribute(document, changes));
      setNotice({ kind: 'success', text: `Added “${changes.name}”.` });
    } else {
      const count = usesOf(current.name).length;
      flowStore.getState().edit((document) => updateAttribute(document, current.name, changes));
      const renamed = changes.name !== current.name;
      setNotice({
        kind: 'success',
        text: renamed
          ? `Renamed “${current.name}” to “${changes.name}”${count > 0 ? ` in ${count === 1 ? '1 place' : `${count} places`}` : ''}.`
          : `Saved “${changes.name}”.`,
      });
      if (renamed) roles?.renamed(current.name, changes.name);
      if (renamed && expanded.has(current.name)) toggle(current.name);
    }
    setEditing(null);
  };
  const remove = (name: string) => {
    const uses = usesOf(name);
    if (uses.length > 0) {
      setNotice({ kind: 'error', text: `“${name}” cannot be deleted: ${placesText(uses)} ${uses.length === 1 ? 'uses' : 'use'} it. Remove those uses first.` });
      setExpanded((current) => new Set(current).add(name));
      return;
    }
    flowStore.getState().edit((document) => removeAttribute(document, name));
    setNotice({ kind: 'success', text: `Deleted “${name}”.` });
  };

  const declaredColumns = roles ? 7 : 6;
  const roleCell = (attribute: EditorAttribute) => {
    if (!roles) return undefined;
    const role = roles.of(attribute.name);
    if (readOnly) return attributeRoleLabels[role];
    return (
      <select
        aria-label={`Role of ${attribute.name}`}
        value={role}
        onChange={(event) => {
          const next = attributeRoles.find((candidate) => candidate === event.target.value);
          if (!next) return;
          roles.set(attribute.name, next);
          flowStore.getState().edit((document) => ({ ...document, attributes: roles.arrange(document.attributes) }));
        }}
        className="h-8 rounded-md border border-input bg-background px-2 text-sm"
        data-testid="attribute-role"
      >
        {attributeRoles.map((candidate) => (
          <option key={candidate} value={candidate}>
            {attributeRoleLabels[candidate]}
          </option>
        ))}
      </select>
    );
  };
  return (
    <>
      <div className="grid min-h-0 gap-5 overflow-y-auto pr-1">
        <section aria-labelledby="declared-attributes-title" className="grid gap-2">
          <div className="flex items-center justify-between gap-2">
            <h3 id="declared-attributes-title" className="text-sm font-semibold">
              Declared in this {noun}
            </h3>
            {!readOnly && (
              <Button size="sm" onClick={() => setEditing(undefined)}>
                <PlusIcon />
                Add attribute
              </Button>
            )}
          </div>
          {notice && <FormStatus kind={notice.kind}>{notice.text}</FormStatus>}
          {declared.length === 0 ? (
            <EmptyState id="no-attributes-title" title="No attributes yet">
              <p>{readOnly ? `This ${noun} declares no attributes.` : 'Add one here, or create one from an element’s attribute field (Save answer as …).'}</p>
            </EmptyState>
          ) : (
            <Table data-testid="attributes-table">
              <TableHeader>
                <TableRow>
                  <TableHead scope="col">Name</TableHead>
                  {roles && <TableHead scope="col">Role</TableHead>}
                  <TableHead scope="col">Type</TableHead>
                  <TableHead scope="col">Scope</TableHead>
                  <TableHead scope="col">Default</TableHead>
                  <TableHead scope="col">Where used</TableHead>
                  <TableHead scope="col">
                    <span className="sr-only">Actions</span>
                  </TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {declared.map((attribute) => (
                  <AttributeRow
                    key={attribute.name}
                    attribute={attribute}
                    uses={usesOf(attribute.name)}
                    builtIn={false}
                    roleCell={roleCell(attribute)}
                    expanded={expanded.has(attribute.name)}
                    onToggle={() => toggle(attribute.name)}
                    onOpenElement={openElement}
                    {...(readOnly ? {} : { onEdit: () => setEditing(attribute), onDelete: () => remove(attribute.name) })}
                    columns={declaredColumns}
                  />
                ))}
              </TableBody>
            </Table>
          )}
        </section>
        <section aria-labelledby="built-in-attributes-title" className="grid gap-2">
          <div className="grid gap-0.5">
            <h3 id="built-in-attributes-title" className="text-sm font-semibold">
              Built-in
            </h3>
            <p className="text-sm text-muted-foreground">Set by Parley as conversations run. Read them anywhere; they cannot be declared, renamed or written.</p>
          </div>
          <Table data-testid="built-in-attributes-table">
            <TableHeader>
              <TableRow>
                <TableHead scope="col">Name</TableHead>
                <TableHead scope="col">Type</TableHead>
                <TableHead scope="col">Scope</TableHead>
                <TableHead scope="col">Where used</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {builtInAttributes.map((attribute) => (
                <AttributeRow
                  key={attribute.name}
                  attribute={attribute}
                  uses={usesOf(attribute.name)}
                  builtIn
                  expanded={expanded.has(attribute.name)}
                  onToggle={() => toggle(attribute.name)}
                  onOpenElement={openElement}
                  columns={4}
                />
              ))}
            </TableBody>
          </Table>
        </section>
      </div>
      <AttributeFormDialog
        editing={editing}
        declaredNames={declaredNames}
        useCount={editing ? usesOf(editing.name).length : 0}
        onOpenChange={(next) => {
          if (!next) setEditing(null);
        }}
        onSubmit={save}
      />
    </>
  );
}
