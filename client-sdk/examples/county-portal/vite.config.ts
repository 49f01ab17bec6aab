import { defineConfig } from 'vite';

/**
 * The portal calls `/graphql` on its own origin; the dev and preview servers forward it (HTTP and
 * WebSocket) to the platform at PLATFORM_API, so no cross-origin setup is needed on the platform.
 */
const target = new URL(process.env.PLATFORM_API ?? 'http://localhost:4000/graphql').origin;
const proxy = { '/graphql': { target, ws: true, changeOrigin: true } };

export default defineConfig({
  server: { proxy },
  preview: { proxy },
});
