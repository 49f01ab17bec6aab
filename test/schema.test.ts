import fs from 'node:fs';
import path from 'node:path';
import { printPlatformSchema } from '../server/src/platform';

describe('schema/schema.graphql', () => {
  it('matches the schema the code builds (run `npm run schema` after changing the API)', async () => {
    const committed = fs.readFileSync(path.resolve(__dirname, '..', 'schema', 'schema.graphql'), 'utf8');
    expect(await printPlatformSchema()).toBe(committed);
  });

  it('describes domain types with their Chinese policy terms', async () => {
    const sdl = await printPlatformSchema();
    for (const term of ['重点帮扶村', '村集体经济收入', '行政区划', '自来水普及率']) expect(sdl).toContain(term);
  });
});
