/**
 * Imported first by main.ts, before anything that loads http, express, graphql or pg: with
 * OTEL_EXPORTER_OTLP_ENDPOINT set (for example http://collector:4318), spans go to that OTLP/HTTP
 * endpoint (the exporter reads the standard OTEL_EXPORTER_OTLP_* variables itself). Unset, the
 * OpenTelemetry packages are not even loaded, so tracing costs nothing at start or per request.
 */
if (process.env.OTEL_EXPORTER_OTLP_ENDPOINT || process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) {
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded only when tracing is configured */
  const { OTLPTraceExporter } =
    require('@opentelemetry/exporter-trace-otlp-http') as typeof import('@opentelemetry/exporter-trace-otlp-http');
  const { startTracing } = require('./tracing') as typeof import('./tracing');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const provider = startTracing({ exporter: new OTLPTraceExporter() });
  // Spans still in the batch go out while main.ts drains requests on a stop signal.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void provider.forceFlush());
}

export {};
