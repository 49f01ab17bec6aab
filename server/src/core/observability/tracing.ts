import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { CompositePropagator, W3CBaggagePropagator, W3CTraceContextPropagator } from '@opentelemetry/core';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { ExpressInstrumentation } from '@opentelemetry/instrumentation-express';
import { GraphQLInstrumentation } from '@opentelemetry/instrumentation-graphql';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, SimpleSpanProcessor, TracerProvider, type SpanExporter } from '@opentelemetry/sdk-trace';

export interface TracingOptions {
  exporter: SpanExporter;
  /** Export each span as it ends (tests); otherwise in batches, off the request path. */
  immediate?: boolean;
  serviceName?: string;
}

/**
 * OpenTelemetry traces of HTTP (server and client), Express middleware, GraphQL (parse,
 * validate, execute and resolvers) and PostgreSQL statements, linked to the caller's trace by
 * W3C `traceparent`. Instrumentation patches modules as they are loaded, so this must run before
 * `http`, `express`, `graphql` and `pg` are first required: main.ts imports tracing-preload.ts
 * first of all, and only when OTEL_EXPORTER_OTLP_ENDPOINT is set.
 */
export function startTracing(options: TracingOptions): TracerProvider {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(
    new CompositePropagator({ propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()] }),
  );
  const provider = new TracerProvider({
    resource: resourceFromAttributes({
      'service.name': options.serviceName ?? process.env.OTEL_SERVICE_NAME ?? 'assistance-platform',
    }),
    spanProcessors: [
      options.immediate
        ? new SimpleSpanProcessor({ exporter: options.exporter })
        : new BatchSpanProcessor({ exporter: options.exporter }),
    ],
  });
  trace.setGlobalTracerProvider(provider);
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      // Probes and scrapes every few seconds would drown the traces that matter.
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request) => /^\/(livez|readyz|healthz|metrics)\b/.test(request.url ?? ''),
      }),
      new ExpressInstrumentation(),
      // One span per field would be thousands per connection page; resolvers that only read a
      // property of their parent are left out, and list items share one span per field.
      new GraphQLInstrumentation({ mergeItems: true, ignoreTrivialResolveSpans: true }),
      // Statements only inside a traced request (the event poll every few seconds would otherwise
      // start a trace of its own each time), and never their parameter values, which hold
      // personal data such as ID numbers.
      new PgInstrumentation({ requireParentSpan: true, enhancedDatabaseReporting: false }),
    ],
  });
  return provider;
}
