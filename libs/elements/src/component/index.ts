import type { ElementDefinition } from '../element-definition';
import { componentAttributeRefs, runComponent, validateComponent } from './run';
import { componentSchema, type Component } from './schema';

export { componentSchema, type Component } from './schema';

export const componentElement: ElementDefinition<Component> = {
  type: 'component',
  title: 'Component',
  category: 'actions',
  schema: componentSchema,
  ports: () => ['next'],
  attributeRefs: componentAttributeRefs,
  run: runComponent,
  validate: validateComponent,
};
