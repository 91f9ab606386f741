import { describe, expect, it } from 'vitest';
import { defaultPlatformConfig } from '#domain/ports/platform-config.js';
import { routingTable } from '#domain/routing/routing-table.js';
import { defaultUseCaseRegistry } from '#domain/use-cases/default-registry.js';
import { runCli } from '../../support/run-cli.js';

const SAMPLE_STEP_REQUEST = '@events/samples/journey-step-requested.json';

describe('symphainy rules', () => {
  it('prints the routing table from its single source, as JSON and readably', () => {
    const json = runCli(['rules', '--json']);
    expect(json.status).toBe(0);
    const expected = routingTable(defaultUseCaseRegistry(), { uploadBucket: defaultPlatformConfig.uploadBucket });
    expect(JSON.parse(json.stdout)).toEqual(
      expected.map((r) => ({
        rule: r.rule,
        bus: r.bus,
        pattern: r.pattern,
        target: r.target,
        ...(r.step ? { step: r.step } : {}),
        description: r.description,
      })),
    );

    const text = runCli(['rules']);
    expect(text.stdout).toMatch(/experience-manager-uploads\s+default bus\s+→ experience-manager/);
    expect(text.stdout).toContain('pattern {"source":["symphainy.journeys"],"detail-type":["Journey Step Requested"],"detail":{"step":["validate_file"]}}');
    expect(text.stdout).toContain(`${expected.length} rules`);
  });
});

describe('symphainy pattern test --rule', () => {
  it('tests an event against a rule of the routing table: 0 match, 1 no match, 2 unknown rule', () => {
    expect(runCli(['pattern', 'test', '--rule', 'step-validate-file', '--event', SAMPLE_STEP_REQUEST]).status).toBe(0);
    const other = runCli(['pattern', 'test', '--rule', 'step-process-file', '--event', SAMPLE_STEP_REQUEST, '--json']);
    expect(other.status).toBe(1);
    expect(JSON.parse(other.stdout)).toEqual({
      matches: false,
      mismatches: [{ field: 'detail.step', expected: ['process_file'], present: true, actual: 'validate_file' }],
    });
    const unknown = runCli(['pattern', 'test', '--rule', 'step-teleport', '--event', SAMPLE_STEP_REQUEST]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('no rule "step-teleport" in the routing table; rules: experience-manager-uploads');
    expect(runCli(['pattern', 'test', '--rule', 'step-validate-file', '--pattern', '{}', '--event', SAMPLE_STEP_REQUEST]).status).toBe(2);
  });
});

describe('symphainy events validate', () => {
  it('accepts the sample events and the recordings the repository keeps', () => {
    const result = runCli(['events', 'validate', 'events/samples', 'events/recordings']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('✔ events/recordings/mvp-orders.json  recording mvp-orders');
    expect(result.stdout).toMatch(/all \d+ files valid/);
  });
});
