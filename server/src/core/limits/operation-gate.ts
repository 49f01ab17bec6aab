import { GraphQLError, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { AppError } from '../errors';
import type { Viewer } from '../auth/viewer';
import { operationCost } from './cost';
import { findControlCharacters } from './control-characters';
import { limitError } from './limit-error';
import type { RateLimits } from './rate-limit';

/** The cost of one operation as the client sees it in `extensions.cost`. */
export interface OperationCost {
  /** Points this operation costs (0 when it was refused before it could be priced). */
  requested: number;
  /** Points per minute for this caller. */
  limit: number;
  /** Points left in the current minute after this operation. */
  remaining: number;
  /** The most one operation may cost. */
  maximumPerOperation: number;
}

/** Carries the cost reached so far, so a refused operation still reports it. */
export class RefusedOperation extends GraphQLError {
  constructor(
    error: GraphQLError,
    readonly cost: OperationCost,
    readonly retryAfterSeconds?: number,
  ) {
    super(error.message, {
      originalError: error.originalError ?? undefined,
      extensions: {
        ...error.extensions,
        ...(retryAfterSeconds
          ? { http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) } }
          : {}),
      },
    });
  }
}

/**
 * What every operation passes once it is parsed and valid and its variables are known, over
 * HTTP (an Apollo plugin) and WebSocket (graphql-ws `onSubscribe`) alike, before any resolver
 * runs: no control characters in its text inputs, a cost within the per-operation ceiling, and
 * enough points left in the caller's minute.
 */
export class OperationGate {
  constructor(
    private readonly schema: GraphQLSchema,
    readonly maximumPerOperation: number,
    private readonly rates: RateLimits,
  ) {}

  /** Admits the operation and returns its cost, or throws a RefusedOperation. */
  async admit(
    viewer: Viewer,
    document: DocumentNode,
    operation: OperationDefinitionNode,
    variables: Record<string, unknown> | null | undefined,
  ): Promise<OperationCost> {
    const unpriced = async (): Promise<OperationCost> => ({
      ...(await this.left(viewer)),
      requested: 0,
    });
    const badText = findControlCharacters(document, variables);
    if (badText)
      throw new RefusedOperation(new GraphQLError(badText.message, { originalError: badText }), await unpriced());

    const raw = operationCost(this.schema, document, operation, variables);
    const requested = Number.isFinite(raw) ? Math.min(raw, Number.MAX_SAFE_INTEGER) : Number.MAX_SAFE_INTEGER;
    if (requested > this.maximumPerOperation) {
      const cost = { ...(await this.left(viewer)), requested };
      throw new RefusedOperation(
        limitError(
          'cost',
          this.maximumPerOperation,
          `The operation would cost ${requested} points; at most ${this.maximumPerOperation} are allowed per operation (ask for smaller pages)`,
        ),
        cost,
      );
    }
    const charge = await this.rates.chargeSubject(subjectKey(viewer), requested);
    const cost: OperationCost = {
      requested,
      limit: charge.limit,
      remaining: charge.remaining,
      maximumPerOperation: this.maximumPerOperation,
    };
    if (!charge.allowed) {
      const refusal = new AppError(
        'RATE_LIMITED',
        `Rate limit of ${charge.limit} points per minute reached; retry in ${charge.retryAfterSeconds} s`,
        [],
        { retryAfterSeconds: charge.retryAfterSeconds },
      );
      throw new RefusedOperation(
        new GraphQLError(refusal.message, { originalError: refusal }),
        cost,
        charge.retryAfterSeconds,
      );
    }
    return cost;
  }

  /** The caller's budget without charging it: for responses refused before they were priced. */
  async left(viewer: Viewer): Promise<OperationCost> {
    const peek = await this.rates.peekSubject(subjectKey(viewer));
    return {
      requested: 0,
      limit: peek.limit,
      remaining: peek.remaining,
      maximumPerOperation: this.maximumPerOperation,
    };
  }
}

/** Budgets belong to the token's subject (one account), whichever role and token it uses. */
export const subjectKey = (viewer: Viewer) =>
  viewer.subject ?? `${viewer.role}:${viewer.regionCode ?? viewer.providerId ?? ''}`;
