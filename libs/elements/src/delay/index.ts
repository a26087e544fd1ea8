import type { ElementDefinition } from '../element-definition';
import { resumeDelay, runDelay } from './run';
import { delaySchema, type Delay } from './schema';

export { delaySchema, type Delay } from './schema';

export const delayElement: ElementDefinition<Delay> = {
  type: 'delay',
  title: 'Delay',
  category: 'actions',
  schema: delaySchema,
  ports: () => ['next'],
  attributeRefs: () => [],
  run: runDelay,
  onEvent: resumeDelay,
};
