import { isObjectType, type GraphQLSchema } from 'graphql';
import type { Context } from '../context';
import { AppError } from '../errors';

/**
 * The request deadline: once a request has run for its budget (REQUEST_TIMEOUT_MS), no further
 * resolver starts, so no more statements are sent for it and its connections return to the pool;
 * the fields not yet resolved answer TIMEOUT. A statement already running is bounded by the
 * pool's statement timeout. Checked by wrapping every field resolver of the schema once, at
 * start-up: a clock read per field. Fields without a resolver only read a property of an object
 * already loaded (see dropPropertyResolvers in core/schema.ts), so they start no work to stop.
 */
export function enforceDeadline(schema: GraphQLSchema): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (!field.resolve) continue;
      const resolve = field.resolve;
      if ((resolve as { deadlineChecked?: boolean }).deadlineChecked) continue;
      const checked: typeof resolve = (source, args, context, info) => {
        const ctx = context as Context | undefined;
        if (ctx?.deadline !== undefined && Date.now() > ctx.deadline) {
          throw new AppError(
            'TIMEOUT',
            `The request ran past its deadline of ${ctx.deadlineBudgetMs} ms; ask for less`,
          );
        }
        return resolve(source, args, context, info);
      };
      (checked as { deadlineChecked?: boolean }).deadlineChecked = true;
      field.resolve = checked;
    }
  }
}
