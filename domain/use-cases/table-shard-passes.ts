import type { TableShardPass } from '#domain/sharding/table-shard.js';
import { builtInUseCases } from './default-registry.js';

const byName = new Map(builtInUseCases.flatMap((useCase) => useCase.tableShardPasses ?? []).map((pass) => [pass.name, pass]));

/** The built-in use cases' table pass of that name: how a shard worker, handed only the name, finds it. */
export function builtInTableShardPass(name: string): TableShardPass | undefined {
  return byName.get(name);
}
