import type { GraphQLSchema } from 'graphql';
import type { Context } from './context';

/** One executed root mutation field, as observers see it once it has settled. */
export interface MutationRecord {
  ctx: Context;
  /** The root field (`recordPurchase`). */
  field: string;
  /** The operation's name in the document, if it has one. */
  operationName: string | null;
  args: Record<string, unknown>;
  startedAt: Date;
  /** What the resolver returned, when it succeeded. */
  result?: unknown;
  /** What it threw (role refused, bad input, conflict, …), when it failed. */
  error?: unknown;
}

/**
 * Told of every root mutation field after it settled, outside its transaction (the audit log
 * writes its row here). One hook over the schema's Mutation type instead of a call in every
 * service: a new mutation is observed without anyone remembering to.
 */
export type MutationObserver = (record: MutationRecord) => Promise<void>;

export function observeMutations(schema: GraphQLSchema, observers: readonly MutationObserver[]): void {
  const mutation = schema.getMutationType();
  if (!mutation || observers.length === 0) return;
  for (const field of Object.values(mutation.getFields())) {
    const resolve = field.resolve;
    if (!resolve || (resolve as { observed?: boolean }).observed) continue;
    const observed: typeof resolve = async (source, args, context, info) => {
      const base = {
        ctx: context as Context,
        field: info.fieldName,
        operationName: info.operation.name?.value ?? null,
        args,
        startedAt: new Date(),
      };
      let result: unknown;
      try {
        result = await resolve(source, args, context, info);
      } catch (error) {
        await notify(observers, { ...base, error });
        throw error;
      }
      await notify(observers, { ...base, result });
      return result;
    };
    (observed as { observed?: boolean }).observed = true;
    field.resolve = observed;
  }
}

async function notify(observers: readonly MutationObserver[], record: MutationRecord): Promise<void> {
  for (const observer of observers) {
    try {
      await observer(record);
    } catch (err) {
      // The change itself has committed (or not) already; its answer must not change with this.
      record.ctx.logger.error({ err, mutation: record.field }, 'a mutation observer failed');
    }
  }
}
