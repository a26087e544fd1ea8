import type { ElementDefinition } from '../element-definition';
import { csatSurveyAttributeRefs, resumeCsatSurvey, runCsatSurvey, validateCsatSurvey } from './run';
import { csatSurveySchema, type CsatSurvey } from './schema';

export { csatAnswerLabels, csatSatisfied, parseCsatScore } from './parse-csat-score';
export { csatSurveySchema, csatTimeoutSeconds, type CsatSurvey } from './schema';

export const csatSurveyElement: ElementDefinition<CsatSurvey> = {
  type: 'csat-survey',
  title: 'CSAT survey',
  category: 'actions',
  schema: csatSurveySchema,
  ports: () => ['next'],
  attributeRefs: csatSurveyAttributeRefs,
  run: runCsatSurvey,
  onEvent: resumeCsatSurvey,
  validate: validateCsatSurvey,
};
