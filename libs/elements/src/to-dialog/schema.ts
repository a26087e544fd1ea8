import { z } from 'zod';
import { attributeMappingSchema } from '../attribute-mapping-schema';
import { elementBaseSchema, elementIdSchema } from '../element-base-schema';

/** To Dialog: continues at another dialog's start element, optionally sharing attribute values. */
export const toDialogSchema = elementBaseSchema
  .extend({
    type: z.literal('to-dialog'),
    dialogId: elementIdSchema.meta({ description: 'The dialog to go to (same bot, or same component).', title: 'Dialog', editor: 'dialog' }),
    shareAttributes: z
      .array(attributeMappingSchema)
      .max(50)
      .optional()
      .meta({ description: 'Values to copy before the jump: `from` into `to` (types must be compatible).', title: 'Share attributes', itemTitle: 'Shared attribute' }),
  })
  .meta({ title: 'To Dialog' });
export type ToDialog = z.infer<typeof toDialogSchema>;
