import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The portal calls `/graphql` on its own origin; the dev and preview servers forward it (HTTP and
 * WebSocket) to the platform at PLATFORM_API, so no cross-origin setup is needed on the platform.
 *
 * The dev server takes the SDK from its TypeScript source: `npm start` rebuilds client-sdk/dist
 * (emptying it first), and a dev server reading dist reloaded into a half-written SDK and lost its
 * styles. `vite build` uses the package as published.
 */
const target = new URL(process.env.PLATFORM_API ?? 'http://localhost:4000/graphql').origin;
const proxy = { '/graphql': { target, ws: true, changeOrigin: true } };

export default defineConfig(({ command, isPreview }) => ({
  server: { proxy },
  preview: { proxy },
  resolve:
    command === 'serve' && !isPreview
      ? { alias: { '@xiangcun/assistance-sdk': fileURLToPath(new URL('../../src/index.ts', import.meta.url)) } }
      : {},
}));
