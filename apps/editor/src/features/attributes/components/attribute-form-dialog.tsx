'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { attributeScopeSchema, attributeTypeSchema } from '@parley/elements';
import { useEffect, useMemo } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { z } from 'zod';
import { Button } from '../../../ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '../../../ui/dialog';
import { FormField } from '../../../ui/form-field';
import { Input } from '../../../ui/input';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '../../../ui/select';
import type { EditorAttribute } from '../../bot-editor/document/editor-flow';
import type { AttributeChanges } from '../model/attribute-edits';
import { attributeScopeLabels, attributeTypeLabels } from '../model/attribute-labels';
import { attributeNameProblem } from '../model/attribute-name-problem';
import { defaultValueText, parseDefaultValue } from '../model/default-value-text';

const baseSchema = z.object({
  name: z.string().trim(),
  type: attributeTypeSchema,
  scope: attributeScopeSchema,
  defaultText: z.string(),
});
type AttributeForm = z.infer<typeof baseSchema>;

/** The form's rules: the name (attributeNameProblem, against the other declared names) and a default that fits the type. */
function formSchema(taken: readonly string[]) {
  return baseSchema.superRefine((values, context) => {
    const nameProblem = attributeNameProblem(values.name, taken);
    if (nameProblem) context.addIssue({ code: 'custom', path: ['name'], message: nameProblem });
    const parsed = parseDefaultValue(values.type, values.defaultText);
    if (!parsed.ok) context.addIssue({ code: 'custom', path: ['defaultText'], message: parsed.message });
  });
}

export type AttributeFormDialogProps = {
  /** The attribute to edit; undefined: a new one. Null: closed. */
  editing: EditorAttribute | undefined | null;
  /** Every declared name (the edited one is allowed to stay). */
  declaredNames: readonly string[];
  /** How many places use the edited attribute (a rename updates them all). */
  useCount: number;
  onOpenChange(open: boolean): void;
  onSubmit(changes: AttributeChanges): void;
};

/**
 * Adds or edits one attribute: name (identifier rules, no built-in or taken name), type,
 * scope and default value (read as the type stores it). Messages name the field. Renaming
 * says how many uses follow the new name.
 */
export function AttributeFormDialog({ editing, declaredNames, useCount, onOpenChange, onSubmit }: AttributeFormDialogProps) {
  const open = editing !== null;
  const current = editing ?? undefined;
  const taken = useMemo(() => declaredNames.filter((name) => name !== current?.name), [declaredNames, current?.name]);
  const schema = useMemo(() => formSchema(taken), [taken]);
  const form = useForm<AttributeForm>({ resolver: zodResolver(schema), defaultValues: { name: '', type: 'text', scope: 'session', defaultText: '' } });
  const { reset } = form;
  useEffect(() => {
    if (!open) return;
    reset(current ? { name: current.name, type: current.type, scope: current.scope, defaultText: defaultValueText(current.defaultValue) } : { name: '', type: 'text', scope: 'session', defaultText: '' });
  }, [open, current, reset]);
  const name = form.watch('name');
  const renaming = current !== undefined && name.trim() !== current.name && useCount > 0;
  const submit = form.handleSubmit((values) => {
    const parsed = parseDefaultValue(values.type, values.defaultText);
    if (!parsed.ok) return;
    onSubmit({ name: values.name, type: values.type, scope: values.scope, defaultValue: parsed.value });
  });
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{current ? `Edit attribute “${current.name}”` : 'Add attribute'}</DialogTitle>
          <DialogDescription>
            {current ? 'Changing the name updates every use of it in this bot, as one step you can undo.' : 'Declared attributes can be saved to and read anywhere in this bot.'}
          </DialogDescription>
        </DialogHeader>
        <form noValidate method="post" className="grid gap-4" onSubmit={(event) => void submit(event)}>
          <FormField
            id="attribute-name"
            label="Name"
            error={form.formState.errors.name?.message}
            hint={renaming ? `${useCount === 1 ? 'Its 1 use follows' : `All ${useCount} uses follow`} the new name.` : 'A letter or "_", then letters, digits or "_".'}
          >
            {(control) => <Input {...control} autoComplete="off" spellCheck={false} {...form.register('name')} />}
          </FormField>
          <div className="grid grid-cols-2 gap-4">
            <FormField id="attribute-type" label="Type" error={form.formState.errors.type?.message}>
              {(control) => (
                <Controller
                  control={form.control}
                  name="type"
                  render={({ field }) => (
                    <Select value={field.value} onValueChange={field.onChange}>
                      <SelectTrigger {...control} onBlur={field.onBlur}>
                        <SelectValue />
                      </SelectTrigger>
                      <SelectContent>
                        {attributeTypeSchema.options.map((type) => (
                          <SelectItem key={type} value={type}>
                            {attributeTypeLabels[type]}
                          </SelectItem>
                        ))}
                      </SelectContent>
                    </Select>
                  )}
                />
              )}
            </FormField>
            <FormField id="attribute-scope" label="Scope" error={form.formState.errors.scope?.message} hint="Session: one conversation. Person: kept across conversations.">
              {(control) => (
                <Controller
                  control={form.control}
                  name="scope"
                  render={({ field }) => (
                    <Select value={field.value} onValueChange={field.onChange}>
                      <SelectTrigger {...control} onBlur={field.onBlur}>
                        <SelectValue />
                      </SelectTrigger>
                      <SelectContent>
                        {attributeScopeSchema.options.map((scope) => (
                          <SelectItem key={scope} value={scope}>
                            {attributeScopeLabels[scope]}
                          </SelectItem>
                        ))}
                      </SelectContent>
                    </Select>
                  )}
                />
              )}
            </FormField>
          </div>
          <FormField id="attribute-default" label="Default value (optional)" error={form.formState.errors.defaultText?.message} hint={'The value a conversation starts with, read as the type (42, yes, 2024-05-31, ["a", "b"] …).'}>
            {(control) => <Input {...control} autoComplete="off" {...form.register('defaultText')} />}
          </FormField>
          <DialogFooter>
            <Button variant="outline" onClick={() => onOpenChange(false)}>
              Cancel
            </Button>
            <Button type="submit">{current ? 'Save' : 'Add attribute'}</Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
