export { checkRegexPattern, allowedRegexFlags, maxRegexPatternLength } from './check-regex-pattern';
export {
  conditionGroupSchema,
  conditionMatchSchema,
  conditionOperatorSchema,
  conditionRuleSchema,
  type ConditionGroup,
  type ConditionMatch,
  type ConditionOperator,
  type ConditionRule,
} from './condition-rule-schema';
export { evaluateConditionGroup, type ResolvedAttribute } from './evaluate-condition-group';
export { evaluateRule } from './evaluate-rule';
export { keywordLexicon } from './keyword-lexicon';
export {
  keywordMatchMethodSchema,
  keywordMatchSchema,
  matchKeywordOptionsSchema,
  type KeywordMatch,
  type KeywordMatchMethod,
  type MatchKeywordOptions,
} from './keyword-match-schema';
export { fuzzySimilarityThreshold, matchKeyword, maxExtraWords, maxKeywordReplyLength } from './match-keyword';
export { operatorAppliesTo } from './operator-applies-to';
export { tokenizeReply, type ReplyToken } from './tokenize-reply';
export { maxValidatedInputLength, validateInput, type ValidationResult } from './validate-input';
export { validationRuleSchema, type ValidationRule } from './validation-rule-schema';
