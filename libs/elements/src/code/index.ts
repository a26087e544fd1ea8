import type { ElementDefinition } from '../element-definition';
import { codeAttributeRefs, codePorts, resumeCode, runCode, validateCode } from './run';
import { codeSchema, type Code } from './schema';

export { codeSchema, type Code } from './schema';

export const codeElement: ElementDefinition<Code> = {
  type: 'code',
  title: 'Code',
  category: 'actions',
  schema: codeSchema,
  ports: codePorts,
  attributeRefs: codeAttributeRefs,
  run: runCode,
  onEvent: resumeCode,
  validate: validateCode,
};
