import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed documents for the client SDK and the county portal, generated from the committed SDL.
 * `CODEGEN_OUT` redirects the output (the drift test generates into a temporary directory and
 * compares it with the committed `client-sdk/src/generated/`).
 */
const out = process.env.CODEGEN_OUT ?? 'client-sdk/src/generated/';

const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: ['client-sdk/src/operations/*.ts', 'client-sdk/examples/county-portal/src/**/*.ts'],
  ignoreNoDocuments: false,
  generates: {
    [out.endsWith('/') ? out : `${out}/`]: {
      preset: 'client',
      presetConfig: {
        fragmentMasking: false,
        // hash → document manifest, so a gateway can allow exactly the documents the SDK sends
        persistedDocuments: { hashAlgorithm: 'sha256' },
      },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        // ESM output needs explicit extensions; `.js` also resolves under CommonJS and bundlers
        emitLegacyCommonJSImports: false,
        avoidOptionals: { field: true, inputValue: false, object: false },
        scalars: {
          Date: { input: 'string', output: 'string' },
          DateTime: { input: 'string', output: 'string' },
          DateTimeISO: { input: 'string', output: 'string' },
          Decimal: { input: 'string', output: 'string' },
        },
        strictScalars: true,
      },
    },
  },
};

export default config;
