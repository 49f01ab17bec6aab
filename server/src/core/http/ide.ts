import fs from 'node:fs';
import path from 'node:path';
import express from 'express';
import type { Logger } from '../logger';
import { sendJsonError } from './json-errors';

/** Where the bundled IDE is served; `GET /graphql` from a browser is sent here. */
export const IDE_PATH = '/ide';

/**
 * `dist/ide` of the project, as `npm run build` writes it (server/scripts/build-ide.mjs). Found by
 * walking up to the project's package.json, since this file runs both compiled (from
 * dist/server/src/core/http) and from source (the test suite), at different depths.
 */
export function defaultIdeDir(from = __dirname): string {
  let dir = from;
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return path.join(dir, 'dist', 'ide');
}

/**
 * The offline GraphQL IDE (GraphiQL bundled from npm, server/ide): the page at `/ide`, its
 * hashed bundles under `/ide/assets/`, and a redirect there for a browser opening `/graphql`.
 * Mounted only where the IDE is enabled (always outside production, in production with
 * ENABLE_IDE=true). An enabled IDE that was never built answers a JSON error naming the fix,
 * so a start from an unbuilt checkout still serves the API.
 */
export function ideRoutes(dir: string, logger: Logger): express.Router {
  const router = express.Router();
  const index = path.join(dir, 'index.html');
  if (!fs.existsSync(index)) logger.warn({ dir }, 'the IDE is enabled but not built: run npm run build');

  // A browser asks for HTML; API clients ask for JSON (or anything, `*/*`, which prefers JSON
  // here), and a GET carrying a query is a GraphQL request whatever it accepts.
  router.get('/graphql', (req, res, next) => {
    const wanted = req.accepts(['application/json', 'application/graphql-response+json', 'text/html']);
    // Relative, so that behind a proxy serving the platform under a prefix, /prefix/graphql leads
    // to /prefix/ide/.
    if (wanted === 'text/html' && req.query.query === undefined) return res.redirect(302, 'ide/');
    next();
  });

  // The page lives at /ide/ and names its bundles relative to it (assets/…); /ide without the
  // slash would resolve them one level too high.
  router.get(IDE_PATH, (req, res, next) => {
    if (req.path.endsWith('/')) return next();
    res.redirect(301, 'ide/');
  });

  // The page names the bundles of this build, so it is revalidated each time; the bundles carry
  // their content hash in their names and never change under one name.
  router.get(`${IDE_PATH}/`, (_req, res) => {
    if (!fs.existsSync(index))
      return sendJsonError(
        res,
        404,
        'NOT_FOUND',
        'The IDE is enabled but not built on this server (dist/ide is missing): run npm run build',
      );
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(index);
  });
  router.use(
    `${IDE_PATH}/assets`,
    express.static(path.join(dir, 'assets'), { immutable: true, maxAge: '365d', index: false, redirect: false }),
  );
  return router;
}
