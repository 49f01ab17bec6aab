import {
  execute,
  getOperationAST,
  GraphQLError,
  printSchema,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { SpanStatusCode, trace } from '@opentelemetry/api';
import type { ApolloServerOptionsWithGateway } from '@apollo/server';

type Gateway = ApolloServerOptionsWithGateway<never>['gateway'];

export interface Operation {
  document: DocumentNode;
  operationName?: string | null;
  variables?: Record<string, unknown>;
  contextValue: unknown;
}

/**
 * Runs queries through graphql-jit: each (document, operation) is compiled once into a function
 * that walks the selection directly, instead of graphql-js interpreting the document field by
 * field on every request. On a county dashboard of a thousand fields that halves the Node CPU of
 * execution (docs/PERFORMANCE.md). The resolvers, their scope checks and the deadline are the
 * schema's own, unchanged: only the walk between them is compiled.
 *
 * Mutations (serial, small answers) and anything graphql-jit cannot compile go through
 * graphql-js; so do all operations with COMPILED_EXECUTION=false, the way back should a compiled
 * query ever answer differently. Compiled queries are kept per parsed document: Apollo keeps one
 * parsed document per query text (its bounded document store), so a document dropped from that
 * store drops its compiled query with it.
 */
const tracer = trace.getTracer('platform-compiled-execution');

/**
 * graphql-jit reports errors with its own GraphQLError, which leaves `extensions` undefined where
 * graphql-js sets `{}`; Apollo's error formatting reads `extensions.code` of every error. Rebuilt
 * as graphql-js errors, they reach the error catalog (core/errors.ts) exactly as before.
 */
function asGraphQLError(error: GraphQLError): GraphQLError {
  const rebuilt = new GraphQLError(error.message, {
    path: error.path,
    originalError: error.originalError ?? undefined,
    extensions: error.extensions,
  });
  // The locations were computed by graphql-jit from the document; graphql-js would derive the same.
  (rebuilt as { locations?: GraphQLError['locations'] }).locations = error.locations;
  return rebuilt;
}

export class CompiledExecution {
  private readonly compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery | null>>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly enabled = true,
  ) {}

  async run(operation: Operation): Promise<ExecutionResult> {
    const compiled = this.enabled ? this.compiledQuery(operation) : null;
    if (!compiled) return this.interpret(operation);
    const name = `query${operation.operationName ? ` ${operation.operationName}` : ''}`;
    // OpenTelemetry's graphql instrumentation sees graphql-js's execute only; a compiled query
    // gets its own span (no-op unless tracing is configured), under which its statements nest.
    return tracer.startActiveSpan(name, async (span) => {
      try {
        const result = await compiled.query(undefined, operation.contextValue, operation.variables ?? {});
        if (result.data === undefined) {
          // Nothing ran: the variables did not coerce. graphql-js reports that with the variable
          // definitions attached, which Apollo and the error catalog read to answer BAD_USER_INPUT.
          return await this.interpret(operation);
        }
        if (result.errors) span.setStatus({ code: SpanStatusCode.ERROR });
        return result.errors ? { ...result, errors: result.errors.map(asGraphQLError) } : result;
      } finally {
        span.end();
      }
    });
  }

  private interpret(operation: Operation): Promise<ExecutionResult> | ExecutionResult {
    return execute({
      schema: this.schema,
      document: operation.document,
      operationName: operation.operationName,
      variableValues: operation.variables,
      contextValue: operation.contextValue,
    });
  }

  private compiledQuery({ document, operationName }: Operation): CompiledQuery | null {
    const key = operationName ?? '';
    let byName = this.compiled.get(document);
    if (byName?.has(key)) return byName.get(key)!;
    const definition = getOperationAST(document, operationName);
    let compiled: CompiledQuery | null = null;
    if (definition?.operation === 'query') {
      const result = compileQuery(this.schema, document, operationName ?? undefined, {
        // Apollo serialises the answer itself (compact JSON, see app.ts).
        customJSONSerializer: false,
      });
      // A document that does not compile is left to graphql-js, which reports its errors as usual.
      compiled = isCompiledQuery(result) ? result : null;
    }
    if (!byName) this.compiled.set(document, (byName = new Map()));
    byName.set(key, compiled);
    return compiled;
  }

  /**
   * Apollo Server takes another executor only through its gateway interface: a gateway that
   * loads this schema once and executes with this object.
   */
  asApolloGateway(): Gateway {
    return {
      load: async () => ({
        executor: (request) =>
          this.run({
            document: request.document,
            operationName: request.operationName,
            variables: request.request.variables,
            contextValue: request.context,
          }),
      }),
      onSchemaLoadOrUpdate: (callback) => {
        callback({ apiSchema: this.schema, coreSupergraphSdl: printSchema(this.schema) });
        return () => undefined;
      },
      stop: async () => undefined,
    };
  }
}
