import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defaultUseCaseRegistry } from '#domain/use-cases/default-registry.js';
import { functionNameForStep, routingTable } from '#domain/routing/routing-table.js';
import { JourneyStepRequested } from '#events/journey-step-requested.js';
import { catalogueFiles, eventCatalogue, UPLOAD_BUCKET_PLACEHOLDER } from '#local/catalogue/event-catalogue.js';
import { breakingChanges } from '#local/catalogue/schema-compatibility.js';

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
const publishedDir = fileURLToPath(new URL('../../docs/events/', import.meta.url));
const registry = defaultUseCaseRegistry();
const catalogue = eventCatalogue(registry, { version });

describe('the published event catalogue (docs/events)', () => {
  it('is what the generator writes now: run "symphainy events catalog" after changing a contract or the routing', () => {
    for (const file of catalogueFiles(catalogue)) {
      const path = `${publishedDir}${file.path}`;
      expect(existsSync(path), `${file.path} is not published`).toBe(true);
      expect(readFileSync(path, 'utf8'), file.path).toBe(file.text);
    }
  });

  it.each(catalogue.entries.map((e) => [`${e.detailType} v${e.version}`, e] as const))('%s does not break its published schema', (_name, entry) => {
    const published = JSON.parse(readFileSync(`${publishedDir}${entry.schemaFile}`, 'utf8')) as unknown;
    expect(breakingChanges(published, entry.schema)).toEqual([]);
  });
});

describe('the catalogue derives who publishes and who receives each event', () => {
  const entry = (detailType: string) => catalogue.entries.find((e) => e.detailType === detailType)!;

  it('has every step function receive Journey Step Requested for its own step only, through its rule', () => {
    const steps = [...new Set(registry.steps().map((s) => s.definition.name))];
    const consumers = entry(JourneyStepRequested.detailType).consumers;
    for (const step of steps) {
      expect(consumers).toContainEqual({
        function: functionNameForStep(step),
        rule: `step-${functionNameForStep(step)}`,
        filter: { detail: { step: [step] } },
      });
    }
    expect(consumers.map((c) => c.function)).toContain('journey-recorder');
    expect(consumers).toHaveLength(steps.length + 1);
    expect(entry(JourneyStepRequested.detailType).producers).toEqual(['experience-manager']);
  });

  it('has S3 produce Object Created on the default bus, for the upload rule on the stage bucket', () => {
    const created = entry('Object Created');
    expect(created).toMatchObject({ source: 'aws.s3', bus: 'default', producers: ['aws.s3'] });
    const uploads = routingTable(registry, { uploadBucket: UPLOAD_BUCKET_PLACEHOLDER }).find((r) => r.rule === 'experience-manager-uploads')!;
    expect(created.consumers).toEqual([{ function: 'experience-manager', rule: uploads.rule, filter: { detail: uploads.pattern.detail } }]);
  });

  it('names the dead-letter recorder and the sweeper among the producers of the failures they publish', () => {
    expect(entry('Journey Step Failed').producers).toContain('dead-letter-recorder');
    expect(entry('Journey Failed').producers).toEqual(['experience-manager', 'journey-sweeper']);
  });

  it('is an AsyncAPI 3.0 document whose operations point at messages of their own channel', () => {
    const doc = catalogue.asyncapi as {
      asyncapi: string;
      channels: Record<string, { messages: Record<string, { $ref: string }> }>;
      operations: Record<string, { action: string; channel: { $ref: string }; messages: { $ref: string }[] }>;
      components: { messages: Record<string, { payload: { properties: { detail: { $ref: string } } } }> };
    };
    expect(doc.asyncapi).toBe('3.0.0');
    expect(Object.keys(doc.operations).length).toBeGreaterThan(catalogue.entries.length);
    for (const [id, operation] of Object.entries(doc.operations)) {
      expect(['send', 'receive'], id).toContain(operation.action);
      const channel = operation.channel.$ref.replace('#/channels/', '');
      for (const message of operation.messages) {
        const [, inChannel, name] = /^#\/channels\/([^/]+)\/messages\/(.+)$/.exec(message.$ref)!;
        expect(inChannel, id).toBe(channel);
        expect(doc.channels[channel]!.messages[name!], id).toBeDefined();
        expect(doc.components.messages[name!]!.payload.properties.detail.$ref).toBe(`./${catalogue.entries.find((e) => e.name === name)!.schemaFile}`);
      }
    }
  });
});

describe('a breaking change to a contract', () => {
  const published = {
    type: 'object',
    properties: {
      journeyId: { type: 'string' },
      status: { type: 'string', enum: ['completed', 'failed'] },
      steps: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] } },
      note: { type: 'string' },
    },
    required: ['journeyId', 'status', 'steps'],
  };
  const changed = (change: (schema: any) => void) => {
    const copy = structuredClone(published) as any;
    change(copy);
    return copy;
  };

  it.each([
    ['a field removed', (s: any) => delete s.properties.note, '(detail).note: field removed'],
    ['a type changed', (s: any) => (s.properties.journeyId = { type: 'number' }), '(detail).journeyId: type changed from string to number'],
    ['a required field added', (s: any) => ((s.properties.useCase = { type: 'string' }), s.required.push('useCase')), '(detail).useCase: required field added'],
    ['an optional field made required', (s: any) => s.required.push('note'), '(detail).note: required field added'],
    ['an enum value removed', (s: any) => (s.properties.status.enum = ['completed']), '(detail).status: value "failed" removed'],
    ['a nested field removed', (s: any) => delete s.properties.steps.items.properties.name, '(detail).steps[].name: field removed'],
    ['a required field made optional', (s: any) => (s.required = ['journeyId', 'status']), '(detail).steps: was always present, now optional'],
  ])('is caught: %s', (_what, change, problem) => {
    expect(breakingChanges(published, changed(change))).toContain(problem);
  });

  it.each([
    ['an optional field added', (s: any) => (s.properties.redrive = { type: 'integer' })],
    ['an enum value added', (s: any) => s.properties.status.enum.push('rejected')],
    ['a description added', (s: any) => (s.properties.journeyId.description = 'the id')],
  ])('is not claimed for %s', (_what, change) => {
    expect(breakingChanges(published, changed(change))).toEqual([]);
  });
});
