import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileRuleSet } from '#domain/event-patterns/index.js';
import { routingTable } from '#domain/routing/routing-table.js';
import { defaultUseCaseRegistry } from '#domain/use-cases/default-registry.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const sample = (name: string) => JSON.parse(readFileSync(`${root}events/samples/${name}`, 'utf8'));

const MISSION_UPLOAD_JOURNEYS = {
  mvp: ['validate_file', 'process_file', 'store_file', 'notify_completion'],
  autonomous_vehicle: ['validate_test_data', 'process_historical_data', 'create_test_plan', 'generate_coverage_metrics'],
  insurance_ai: ['validate_legacy_data', 'process_data_lake', 'enable_ai_operations', 'identify_monetization'],
};

describe('the routing table', () => {
  const registry = defaultUseCaseRegistry();
  const routes = routingTable(registry, { uploadBucket: 'symphainy-uploads' });

  it('declares the upload journeys exactly as the mission table does', () => {
    for (const [useCase, steps] of Object.entries(MISSION_UPLOAD_JOURNEYS)) expect(registry.journeySteps(useCase, 'upload')).toEqual(steps);
  });

  it('has one rule per step, targeting the function named after it, and a handler file per target', () => {
    for (const { definition } of registry.steps()) {
      const rules = routes.filter((r) => r.step === definition.name);
      expect(rules).toHaveLength(1);
      expect(rules[0]!.target).toBe(definition.name.replace(/_/g, '-'));
    }
    for (const target of new Set(routes.map((r) => r.target))) {
      expect(existsSync(`${root}functions/${target}/handler.ts`), `functions/${target}/handler.ts`).toBe(true);
    }
  });

  it('sends an upload to the experience manager and a step request only to its step (and every platform event to the recorder)', () => {
    const rules = (bus: 'default' | 'platform') => compileRuleSet(routes.filter((r) => r.bus === bus).map((r) => ({ name: r.rule, pattern: r.pattern })));
    expect(rules('default').matchingRules(sample('s3-object-created.json'))).toEqual(['experience-manager-uploads']);
    expect(rules('platform').matchingRules(sample('journey-step-requested.json')).sort()).toEqual(['journey-recorder-events', 'step-validate-file']);
    expect(rules('platform').matchingRules(sample('journey-step-failed.json')).sort()).toEqual(['experience-manager-progress', 'journey-recorder-events']);
  });

  it('ignores objects outside uploads/ and other buckets, so artifacts never re-trigger a journey', () => {
    const rules = compileRuleSet(routes.filter((r) => r.bus === 'default').map((r) => ({ name: r.rule, pattern: r.pattern })));
    const event = sample('s3-object-created.json');
    expect(rules.matchingRules({ ...event, detail: { ...event.detail, object: { ...event.detail.object, key: 'curated/mvp/x.csv' } } })).toEqual([]);
    expect(rules.matchingRules({ ...event, detail: { ...event.detail, bucket: { name: 'symphainy-artifacts' } } })).toEqual([]);
  });
});
