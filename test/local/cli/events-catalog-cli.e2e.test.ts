import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../support/run-cli.js';

describe('symphainy events catalog', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'symphainy-catalog-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the AsyncAPI document and a schema per event, the same as the published catalogue', () => {
    const out = join(dir, 'catalogue');
    const result = runCli(['events', 'catalog', '--out', out, '--json']);
    expect(result.status, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as { files: string[]; events: { detailType: string; producers: string[]; consumers: { function: string }[] }[] };
    expect(report.files).toContain('asyncapi.json');
    expect(readdirSync(join(out, 'schemas')).sort()).toEqual(
      report.files
        .filter((f) => f.startsWith('schemas/'))
        .map((f) => f.slice('schemas/'.length))
        .sort(),
    );
    const published = new URL('../../../docs/events/', import.meta.url);
    for (const file of report.files) expect(readFileSync(join(out, file), 'utf8'), file).toBe(readFileSync(new URL(file, published), 'utf8'));
    const completed = report.events.find((e) => e.detailType === 'Journey Completed')!;
    expect(completed.producers).toEqual(['experience-manager']);
    expect(completed.consumers.map((c) => c.function).sort()).toEqual(['delivery-manager', 'journey-recorder']);

    const readable = runCli(['events', 'catalog', '--out', out]);
    expect(readable.status).toBe(0);
    expect(readable.stdout).toContain('Journey Completed v1  schemas/journey-completed.v1.json');
    expect(readable.stdout).toContain(`wrote ${report.files.length} files to ${out}`);
  });

  it('refuses to overwrite a published schema the contracts now break, writes nothing, and says why', () => {
    const out = join(dir, 'published');
    expect(runCli(['events', 'catalog', '--out', out]).status).toBe(0);
    // As if the published version had a field the contract has since dropped.
    const schemaFile = join(out, 'schemas', 'journey-completed.v1.json');
    const schema = JSON.parse(readFileSync(schemaFile, 'utf8'));
    schema.properties.legacyTotal = { type: 'number' };
    writeFileSync(schemaFile, JSON.stringify(schema));
    const before = statSync(join(out, 'asyncapi.json')).mtimeMs;

    const result = runCli(['events', 'catalog', '--out', out, '--json']);
    expect(result.status).toBe(1);
    const { error } = JSON.parse(result.stdout) as { error: { code: string; message: string; exitCode: number } };
    expect(error).toMatchObject({ code: 'breaking_change', exitCode: 1 });
    expect(error.message).toContain('Journey Completed v1: (detail).legacyTotal: field removed');
    expect(JSON.parse(readFileSync(schemaFile, 'utf8')).properties.legacyTotal).toEqual({ type: 'number' });
    expect(statSync(join(out, 'asyncapi.json')).mtimeMs).toBe(before);
  });

  it('is in symphainy help', () => {
    const help = runCli(['help']);
    expect(help.stdout).toContain('symphainy events catalog [--out <dir>] [--json]');
  });
});
