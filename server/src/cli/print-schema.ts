import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { printPlatformSchema } from '../platform';

/** `npm run schema`: writes schema/schema.graphql from the resolvers' metadata. */
async function main(): Promise<void> {
  const file = path.resolve(process.cwd(), 'schema', 'schema.graphql');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, await printPlatformSchema());
  process.stderr.write(`wrote ${path.relative(process.cwd(), file)}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
