import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultUseCaseRegistry } from '#domain/use-cases/default-registry.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const useCasesDir = join(root, 'domain/use-cases');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

describe('step names (domain/use-cases/README.md)', () => {
  const steps = defaultUseCaseRegistry().steps();
  const sources = sourceFiles(useCasesDir).map((path) => ({ file: relative(useCasesDir, path), text: readFileSync(path, 'utf8') }));

  it("are written once, as the literal in the step's own definition, in the journey's folder", () => {
    for (const { useCase, journey, definition } of steps) {
      const spelled = sources.filter((s) => s.text.includes(`'${definition.name}'`)).map((s) => s.file);
      const folder = { mvp: 'mvp', autonomous_vehicle: 'autonomous-vehicle', insurance_ai: 'insurance-ai' }[useCase];
      expect(spelled, definition.name).toEqual([`${folder}/${journey}/${definition.name.replace(/_/g, '-')}.ts`]);
      expect(sources.find((s) => s.file === spelled[0])!.text, definition.name).toContain(`name: '${definition.name}',`);
    }
  });

  it("match the string each step's function passes to its handler", () => {
    for (const { definition } of steps) {
      const handler = readFileSync(join(root, 'functions', definition.name.replace(/_/g, '-'), 'handler.ts'), 'utf8');
      expect(handler, definition.name).toContain(`createStepFunction('${definition.name}',`);
    }
  });
});
