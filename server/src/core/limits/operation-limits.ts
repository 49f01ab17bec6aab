import { specifiedRules, type ParseOptions, type ValidationContext, type ValidationRule } from 'graphql';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { depthLimit, MAX_QUERY_DEPTH } from '../depth-limit';
import { limitError } from './limit-error';

/**
 * Limits on the shape of an operation, checked before anything executes, over HTTP and WebSocket
 * alike. Each check is linear in the document: graphql-js stops lexing at `MAX_TOKENS`, and the
 * graphql-armor rules compute each fragment once and reuse it at every spread. The portals' and
 * the SDK's documents stay far inside them (the largest has 127 tokens, no alias, depth 9).
 */
export const OPERATION_LIMITS = {
  depth: MAX_QUERY_DEPTH,
  aliases: 15,
  directives: 20,
  tokens: 2000,
} as const;

export const PARSE_OPTIONS: ParseOptions = { maxTokens: OPERATION_LIMITS.tokens };

function armorRule(
  limit: 'aliases' | 'directives',
  maximum: number,
  build: typeof maxAliasesRule | typeof maxDirectivesRule,
): ValidationRule {
  return (context: ValidationContext) =>
    build({
      n: maximum,
      propagateOnRejection: false,
      onReject: [
        (_ctx, error) => {
          const found = /found (\d+)/.exec(error.message)?.[1];
          context.reportError(
            limitError(
              limit,
              maximum,
              `The operation uses ${found ?? 'too many'} ${limit}; at most ${maximum} are allowed`,
            ),
          );
        },
      ],
    })(context);
}

/** The limit rules added to graphql-js's own validation. */
export const limitRules: ValidationRule[] = [
  depthLimit(OPERATION_LIMITS.depth),
  armorRule('aliases', OPERATION_LIMITS.aliases, maxAliasesRule),
  armorRule('directives', OPERATION_LIMITS.directives, maxDirectivesRule),
];

/** graphql-js's rules and the limits, for transports that validate themselves (graphql-ws). */
export const allValidationRules: ValidationRule[] = [...specifiedRules, ...limitRules];
