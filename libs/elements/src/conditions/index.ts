import type { ElementDefinition } from '../element-definition';
import { conditionsAttributeRefs, conditionsPorts, runConditions, validateConditions } from './run';
import { conditionsSchema, type Conditions } from './schema';

export { conditionPort, conditionsSchema, elsePort, type Condition, type Conditions } from './schema';

export const conditionsElement: ElementDefinition<Conditions> = {
  type: 'conditions',
  title: 'Conditions',
  category: 'actions',
  schema: conditionsSchema,
  maxPerDialog: 1,
  ports: conditionsPorts,
  attributeRefs: conditionsAttributeRefs,
  run: runConditions,
  validate: validateConditions,
};
