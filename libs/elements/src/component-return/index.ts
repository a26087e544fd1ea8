import type { ElementDefinition } from '../element-definition';
import type { ElementIssue } from '../element-issue-schema';
import { componentReturnSchema, type ComponentReturn } from './schema';

export { componentReturnSchema, type ComponentReturn } from './schema';

export const componentReturnElement: ElementDefinition<ComponentReturn> = {
  type: 'component-return',
  title: 'Component return',
  category: 'actions',
  schema: componentReturnSchema,
  ports: () => [],
  attributeRefs: () => [],
  run: () => ({ kind: 'return', effects: [], attributes: {} }),
  validate: (_element, context): ElementIssue[] =>
    context.scope.kind === 'component'
      ? []
      : [{ field: '', rule: 'return-outside-component', message: 'Component return can only be used inside a component.' }],
};
