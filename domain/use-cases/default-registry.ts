import { autonomousVehicleUseCase } from './autonomous-vehicle/index.js';
import { insuranceAiUseCase } from './insurance-ai/index.js';
import { mvpUseCase } from './mvp/index.js';
import type { UseCaseModule } from './use-case-module.js';
import { UseCaseRegistry } from './use-case-registry.js';

/** The use cases this platform ships. Adding one means adding its module here, nothing else. */
export const builtInUseCases: readonly UseCaseModule[] = [mvpUseCase, autonomousVehicleUseCase, insuranceAiUseCase];

export function defaultUseCaseRegistry(extra: readonly UseCaseModule[] = []): UseCaseRegistry {
  return new UseCaseRegistry([...builtInUseCases, ...extra]);
}
