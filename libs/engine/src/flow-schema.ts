import { attributeDeclarationSchema, botFallbackSchema, elementIdSchema, elementSchema, portIdSchema } from '@parley/elements';
import { z } from 'zod';

/** The flow format this engine reads; older documents are migrated forward (migrateFlow). */
export const currentFlowVersion = 1;

/** An arrow on the canvas: leaves `from` through `port` (default 'next') and enters `to`, in the same dialog. */
export const edgeSchema = z.strictObject({
  id: elementIdSchema,
  from: elementIdSchema.meta({ description: 'Id of the element the edge leaves.' }),
  port: portIdSchema.optional().meta({ description: 'Output port of `from`; "next" when omitted.' }),
  to: elementIdSchema.meta({ description: 'Id of the element the edge enters (same dialog).' }),
});
export type Edge = z.infer<typeof edgeSchema>;

/** A dialog: a graph of elements with one start element. */
export const dialogSchema = z.strictObject({
  id: elementIdSchema,
  name: z.string().min(1).max(100),
  startElementId: elementIdSchema.meta({ description: 'The element the dialog starts at.' }),
  elements: z.array(elementSchema),
  edges: z.array(edgeSchema),
});
export type Dialog = z.infer<typeof dialogSchema>;

/**
 * A reusable component, embedded in the flow by the API when a bot version is published.
 * Its dialogs, element ids and attributes are its own: `inputs`, `outputs` and
 * `attributes` together are the attributes its elements may use (names unique across the
 * three); the Component element maps the caller's attributes onto them.
 */
export const componentDefinitionSchema = z.strictObject({
  id: elementIdSchema,
  version: z.number().int().min(1).meta({ description: 'The component version that was embedded.' }),
  name: z.string().min(1).max(100),
  inputs: z.array(attributeDeclarationSchema).meta({ description: 'Attributes the caller fills (Component element `inputs`).' }),
  outputs: z.array(attributeDeclarationSchema).meta({ description: 'Attributes copied back to the caller when the component ends.' }),
  attributes: z.array(attributeDeclarationSchema).meta({ description: 'The component’s own working attributes.' }),
  entryDialogId: elementIdSchema.meta({ description: 'The dialog the component starts in.' }),
  dialogs: z.array(dialogSchema).min(1),
});
export type ComponentDefinition = z.infer<typeof componentDefinitionSchema>;

export const flowSettingsSchema = z.strictObject({
  sessionTimeoutSeconds: z
    .number()
    .int()
    .min(60)
    .max(2_592_000)
    .default(86_400)
    .meta({ description: 'Inactivity after which the session expires: 60 s to 30 days, default 24 h.' }),
  fallback: botFallbackSchema
    .optional()
    .meta({
      description:
        'The bot’s default fallback, for elements without their own. Default: "Sorry, I didn\'t get that." then the Default dialog (defaultDialogId), or end.',
    }),
});
export type FlowSettings = z.infer<typeof flowSettingsSchema>;

/**
 * A bot's flow document (what the editor saves and a bot version publishes).
 * The schema checks shapes and limits; graph rules (ids, edges, attributes) are
 * checked by validateFlow.
 */
export const flowSchema = z
  .strictObject({
    version: z.literal(currentFlowVersion),
    attributes: z.array(attributeDeclarationSchema).meta({ description: 'Declared attributes.' }),
    entryDialogId: elementIdSchema.meta({ description: 'The dialog a new session starts in.' }),
    defaultDialogId: elementIdSchema
      .optional()
      .meta({ description: 'The Default dialog: where the default fallback goes (when settings.fallback is not set).' }),
    sessionExpireDialogId: elementIdSchema
      .optional()
      .meta({ description: 'The Session Expire dialog: runs when the session expires; the session closes (expired) when it ends.' }),
    dialogs: z.array(dialogSchema).min(1),
    components: z.array(componentDefinitionSchema).optional().meta({ description: 'Components used by Component elements (embedded at publish).' }),
    settings: flowSettingsSchema.prefault({}),
  })
  .meta({
    title: 'Parley flow (version 1)',
    description:
      'A Parley bot. Graph rules (unique ids, edges within a dialog, declared attributes) are checked by validateFlow, not by this schema. See docs/flow-format.md.',
  });
/** A parsed flow (defaults applied). */
export type Flow = z.infer<typeof flowSchema>;
/** A flow as written (settings may be omitted). */
export type FlowInput = z.input<typeof flowSchema>;
