import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExitCode } from '#local/command-errors/command-error.js';
import { runCli } from '../../support/run-cli.js';

/** A port nothing listens on: a stage "there" is refused at once, after its name was accepted. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

// Credentials of its own, so the SDK never looks for a profile or an instance role.
const env = { AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_REGION: 'us-east-1', AWS_MAX_ATTEMPTS: '1' };

describe('--stage names: upload, serve --aws and replay follow one rule', () => {
  let dir: string;
  let file: string;
  let endpoint: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'symphainy-stage-names-'));
    file = join(dir, 'orders.csv');
    writeFileSync(file, 'id,amount\n1,2\n');
    endpoint = `http://127.0.0.1:${await closedPort()}`;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const upload = (stage: string) => runCli(['upload', file, '--use-case', 'mvp', '--endpoint', endpoint, '--stage', stage], { env });
  const serve = (stage: string) => runCli(['serve', '--aws', '--stage', stage, '--endpoint', endpoint], { env });
  const replay = (stage: string) => runCli(['replay', '--stage', stage, '--since', '2h', '--endpoint', endpoint], { env });

  it.each(['Dev', 'no/slash', 'sixteen-chars-xx', 'a-stage-name-of-thirty-two-chars'])('all refuse %j with the same message, exit 2', (stage) => {
    const refusals = [upload(stage), serve(stage), replay(stage)];
    const said = refusals.map((r) => r.stderr.replace(/^symphainy (upload|serve|replay): /, ''));
    for (const refusal of refusals) expect(refusal.status).toBe(ExitCode.usage);
    expect(said[0]).toContain(`--stage "${stage}" is not a stage name: lowercase letters, digits and dashes, at most 15`);
    expect(said[1]).toBe(said[0]);
    expect(said[2]).toBe(said[0]);
  });

  it.each(['local', 'fifteen-chars-x'])('all take %j and go looking for its stack', (stage) => {
    for (const result of [upload(stage), serve(stage), replay(stage)]) {
      expect(result.stderr).not.toContain('is not a stage name');
      expect(result.stderr).toContain(`symphainy-${stage}`);
      // Nothing answers there: the stage is not found, which is not a usage error.
      expect(result.status).not.toBe(ExitCode.usage);
      expect(result.status).not.toBe(ExitCode.ok);
    }
  });
});
