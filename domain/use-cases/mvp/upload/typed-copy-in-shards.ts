import type { TableShardPass } from '#domain/sharding/table-shard.js';
import type { MvpColumnSchema } from '../shared/decimal-comma.js';
import { ndjsonLines } from './normalize-table.js';

/** The typed NDJSON copy of one shard's rows, under the schema validation inferred (the read's options). */
export const typedCopyShardPass: TableShardPass<null> = {
  name: 'mvp.typed_copy',
  open(options) {
    const schema = options as MvpColumnSchema[];
    return { batch: (batch) => ndjsonLines(schema, batch), part: () => null };
  },
};
