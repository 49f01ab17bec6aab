import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed documents generated from the committed SDL: the SDK's own (its typed methods, exported
 * for `request`, and its trusted-documents manifest) and the county portal's, which the portal
 * generates for itself exactly as a portal team outside this repository does with
 * `client-sdk/codegen.example.ts`. `CODEGEN_OUT` redirects both outputs under one directory (the
 * drift test generates there and compares with the committed files).
 */
const out = process.env.CODEGEN_OUT?.replace(/\/?$/, '/');

const typedDocuments = {
  preset: 'client' as const,
  presetConfig: {
    fragmentMasking: false,
    // id → document manifest: the platform accepts `documentId` for these (trusted documents)
    persistedDocuments: { hashAlgorithm: 'sha256' as const },
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
};

const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  ignoreNoDocuments: false,
  generates: {
    [out ? `${out}sdk/` : 'client-sdk/src/generated/']: {
      ...typedDocuments,
      documents: ['client-sdk/src/operations/*.ts'],
    },
    [out ? `${out}portal/` : 'client-sdk/examples/county-portal/src/gql/']: {
      ...typedDocuments,
      documents: ['client-sdk/examples/county-portal/src/**/*.ts', '!client-sdk/examples/county-portal/src/gql/**'],
    },
  },
};

export default config;
