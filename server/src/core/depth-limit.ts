import type { ValidationRule } from 'graphql';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { limitError } from './limits/limit-error';

/** Deepest selection nesting an operation may have; the portals' deepest real query uses 9. */
export const MAX_QUERY_DEPTH = 12;

/**
 * Refuses operations nested deeper than `maxDepth`, fragments followed. graphql-armor's rule
 * computes each fragment's depth once and reuses it, so the work stays linear in the document:
 * a hand-written walk that re-entered every spread grew as spreads^levels and could stall the
 * process with a 3 KB document. Fragment spreads and inline fragments add no level of their own.
 */
export function depthLimit(maxDepth = MAX_QUERY_DEPTH): ValidationRule {
  return (context) =>
    maxDepthRule({
      n: maxDepth,
      flattenFragments: true,
      ignoreIntrospection: true,
      propagateOnRejection: false,
      onReject: [
        (_ctx, error) => {
          const found = /found (\d+)/.exec(error.message)?.[1];
          context.reportError(
            limitError(
              'depth',
              maxDepth,
              `The operation is nested ${found ?? 'too many'} levels deep; at most ${maxDepth} are allowed`,
            ),
          );
        },
      ],
    })(context);
}
