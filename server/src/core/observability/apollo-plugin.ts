import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../context';
import { observeOperation } from './metrics';

/**
 * Over HTTP: notes which operation a request ran and its cost (for the request log line), and observes its
 * duration, from the moment Apollo took the request to the response, by operation name and type.
 */
export function observabilityPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ operation, contextValue }) {
          // Runs after the limits plugin has priced the operation.
          Object.assign(contextValue.requestLog, {
            operationName: operation?.name?.value,
            operationType: operation?.operation,
            cost: contextValue.cost?.requested,
          });
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          observeOperation(operation?.name?.value, operation?.operation, 'http', seconds);
        },
      };
    },
  };
}
