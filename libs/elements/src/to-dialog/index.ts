import type { ElementDefinition } from '../element-definition';
import { runToDialog, toDialogAttributeRefs, validateToDialog } from './run';
import { toDialogSchema, type ToDialog } from './schema';

export { toDialogSchema, type ToDialog } from './schema';

export const toDialogElement: ElementDefinition<ToDialog> = {
  type: 'to-dialog',
  title: 'To Dialog',
  category: 'actions',
  schema: toDialogSchema,
  ports: () => [],
  attributeRefs: toDialogAttributeRefs,
  run: runToDialog,
  validate: validateToDialog,
};
