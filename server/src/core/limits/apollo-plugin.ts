import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../context';
import { RefusedOperation, type OperationGate } from './operation-gate';

/**
 * The operation gate over HTTP: once Apollo has parsed and validated the document and chosen the
 * operation, the gate prices it and charges the caller before any resolver runs. Every response
 * then reports `extensions.cost`; a rate-limited one also carries `Retry-After`.
 */
export function operationLimitsPlugin(gate: OperationGate): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, document, operation, request }) {
          if (!operation) return;
          try {
            contextValue.cost = await gate.admit(contextValue.viewer, document, operation, request.variables);
          } catch (error) {
            if (error instanceof RefusedOperation) contextValue.cost = error.cost;
            throw error;
          }
        },
        async willSendResponse({ contextValue, response }) {
          if (response.body.kind !== 'single') return;
          contextValue.cost ??= await gate.left(contextValue.viewer);
          response.body.singleResult.extensions = { ...response.body.singleResult.extensions, cost: contextValue.cost };
        },
      };
    },
  };
}
