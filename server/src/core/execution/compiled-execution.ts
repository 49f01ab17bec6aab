import {
  execute,
  getOperationAST,
  GraphQLError,
  Kind,
  printSchema,
  type FragmentDefinitionNode,
  type SelectionSetNode,
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

const tracer = trace.getTracer('platform-compiled-execution');

/**
 * graphql-jit inlines every fragment spread where it occurs, so a document whose fragments each
 * spread the next one twice compiles into 2^n copies: twenty such fragments took 0.7 s to compile,
 * each level doubling it, while graphql-js executes the same document in microseconds (it merges
 * repeated spreads). Documents that would expand beyond this many field selections are left to
 * graphql-js; the platform's own documents expand to a few hundred at most.
 */
export const MAX_COMPILED_SELECTIONS = 2_000;

/**
 * How many field selections a document's operations hold with every fragment spread inlined,
 * counted with each fragment's size computed once; stops counting past `limit`.
 */
export function expandedSelections(document: DocumentNode, limit = MAX_COMPILED_SELECTIONS): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const sizes = new Map<string, number>();
  const visiting = new Set<string>();
  const sizeOf = (set: SelectionSetNode | undefined): number => {
    let total = 0;
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) total += 1 + sizeOf(selection.selectionSet);
      else if (selection.kind === Kind.INLINE_FRAGMENT) total += sizeOf(selection.selectionSet);
      else {
        const name = selection.name.value;
        let size = sizes.get(name);
        if (size === undefined) {
          // A cycle (validation refuses them) or an unknown fragment counts as too large.
          if (visiting.has(name) || !fragments.has(name)) return Infinity;
          visiting.add(name);
          size = sizeOf(fragments.get(name)!.selectionSet);
          visiting.delete(name);
          sizes.set(name, size);
        }
        total += size;
      }
      if (total > limit) return total;
    }
    return total;
  };
  let total = 0;
  for (const d of document.definitions) {
    if (d.kind === Kind.OPERATION_DEFINITION) total += sizeOf(d.selectionSet);
    if (total > limit) break;
  }
  return total;
}

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

/**
 * Runs queries through graphql-jit: each (document, operation) is compiled once into a function
 * that walks the selection directly, instead of graphql-js interpreting the document field by
 * field on every request. On a county dashboard of a thousand fields that cuts the Node CPU of
 * execution by about a third (docs/PERFORMANCE.md). The resolvers, their scope checks and the
 * deadline are the schema's own, unchanged: only the walk between them is compiled.
 *
 * Mutations (serial, small answers), documents that would expand too far (MAX_COMPILED_SELECTIONS)
 * and anything graphql-jit cannot compile go through graphql-js; so do all operations with COMPILED_EXECUTION=false, the way back should a compiled
 * query ever answer differently. Compiled queries are kept per parsed document: Apollo keeps one
 * parsed document per query text (its bounded document store), so a document dropped from that
 * store drops its compiled query with it.
 */
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
    if (definition?.operation === 'query' && expandedSelections(document) <= MAX_COMPILED_SELECTIONS) {
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

  /** Whether this document's operation runs compiled (after its first run). */
  isCompiled(document: DocumentNode, operationName?: string | null): boolean {
    return Boolean(this.compiled.get(document)?.get(operationName ?? ''));
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
