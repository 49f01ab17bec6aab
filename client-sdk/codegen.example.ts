/**
 * Typed documents of your own, for a portal built on @xiangcun/assistance-sdk: copy this file to
 * your project as `codegen.ts`, install the generator once
 *
 *   npm install --save-dev @graphql-codegen/cli @graphql-codegen/client-preset typescript
 *
 * write documents with `graphql(...)` imported from `./gql` (the folder this generates), and run
 * `npx graphql-codegen` (or `--watch`). A field that does not exist stops the generator; the
 * results are typed, so reading a field you did not ask for does not compile. Run them with
 * `client.request(document, variables)`.
 *
 * The generator also writes `persisted-documents.json` into the output folder: give it to the
 * platform's operators for `TRUSTED_DOCUMENTS_MANIFESTS` when the platform runs with
 * `TRUSTED_DOCUMENTS=only`; the SDK then sends each document's id along with its text.
 */
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  // The platform's schema, shipped inside the SDK package.
  schema: 'node_modules/@xiangcun/assistance-sdk/schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**'],
  ignoreNoDocuments: true,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: {
        fragmentMasking: false,
        persistedDocuments: { hashAlgorithm: 'sha256' },
      },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        // `.js` in generated imports: needed by Node's ESM, harmless for bundlers and CommonJS
        emitLegacyCommonJSImports: false,
        avoidOptionals: { field: true, inputValue: false, object: false },
        // The platform's scalars are strings on the wire: dates, timestamps and exact decimals.
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
