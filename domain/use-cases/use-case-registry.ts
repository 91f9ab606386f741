import type { RegisteredStep, StepCatalog } from '#domain/journeys/step-catalog.js';
import type { UseCaseModule } from './use-case-module.js';

/** Looks use cases up by tag and steps by name; validates that step names are unique. */
export class UseCaseRegistry implements StepCatalog {
  private readonly byId = new Map<string, UseCaseModule>();
  private readonly stepsByName = new Map<string, RegisteredStep>();

  constructor(modules: readonly UseCaseModule[] = []) {
    for (const module of modules) this.register(module);
  }

  register(module: UseCaseModule): this {
    if (!/^[a-z][a-z0-9_]*$/.test(module.id)) throw new Error(`use-case id "${module.id}" must be snake_case`);
    if (this.byId.has(module.id)) throw new Error(`use case "${module.id}" is already registered`);
    const added: RegisteredStep[] = [];
    for (const [journey, steps] of Object.entries(module.journeys)) {
      if (steps.length === 0) throw new Error(`journey "${module.id}/${journey}" has no steps`);
      steps.forEach((definition, index) => {
        if (!/^[a-z][a-z0-9_]*$/.test(definition.name)) throw new Error(`step name "${definition.name}" must be snake_case`);
        const clash = this.stepsByName.get(definition.name) ?? added.find((s) => s.definition.name === definition.name);
        if (clash) throw new Error(`step "${definition.name}" is declared by both ${clash.useCase}/${clash.journey} and ${module.id}/${journey}`);
        added.push({ useCase: module.id, journey, index, definition });
      });
    }
    this.byId.set(module.id, module);
    for (const step of added) this.stepsByName.set(step.definition.name, step);
    return this;
  }

  useCase(id: string): UseCaseModule | undefined {
    return this.byId.get(id);
  }

  useCases(): UseCaseModule[] {
    return [...this.byId.values()];
  }

  /** Step names of a use case's journey, in order; undefined when either is unknown. */
  journeySteps(useCase: string, journey: string): string[] | undefined {
    return this.byId.get(useCase)?.journeys[journey]?.map((step) => step.name);
  }

  step(name: string): RegisteredStep | undefined {
    return this.stepsByName.get(name);
  }

  steps(): RegisteredStep[] {
    return [...this.stepsByName.values()];
  }
}
