import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { parse, parseAllDocuments } from 'yaml';
import { instruction, jsonArgs, readDockerfile, type Stage } from './dockerfile-model.js';
import { pythonTools } from '../../support/python-tools.js';
import { startServe } from '../../local/serve/serve-process.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const packageJson = JSON.parse(read('package.json')) as { dependencies: Record<string, string>; scripts: Record<string, string> };

/** The value after a flag in an argument list. */
const flag = (args: string[], name: string) => args[args.indexOf(name) + 1];

/** Every file and package `symphainy serve` loads, from the CLI's entry down. */
async function serveModuleGraph(): Promise<{ files: string[]; packages: string[] }> {
  const result = await build({
    entryPoints: [join(ROOT, 'local/cli/main.ts'), join(ROOT, 'bin/symphainy.js')],
    absWorkingDir: ROOT,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    metafile: true,
    write: false,
    outdir: join(tmpdir(), 'unused'),
    logLevel: 'silent',
  });
  const packages = new Set<string>();
  for (const input of Object.values(result.metafile.inputs)) {
    for (const imported of input.imports) {
      if (!imported.external || imported.path.startsWith('node:') || imported.path.startsWith('.')) continue;
      const parts = imported.path.split('/');
      packages.add(imported.path.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!);
    }
  }
  return { files: Object.keys(result.metafile.inputs), packages: [...packages] };
}

describe('the platform image (deploy/container/platform.Dockerfile)', () => {
  const stages = readDockerfile(read('deploy/container/platform.Dockerfile'));
  const image = stages.at(-1)!;

  it('passes hadolint, as does the MiniStack image', () => {
    const { hadolint } = pythonTools();
    const run = spawnSync(hadolint, ['deploy/container/platform.Dockerfile', 'deploy/container/ministack.Dockerfile'], { cwd: ROOT, encoding: 'utf8' });
    expect(run.stdout + run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('is a multi-stage build whose image runs serve on Node 22 as a numeric non-root user', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(image.image).toMatch(/^node:22[.-]/);
    const user = instruction(image, 'USER')!.args;
    expect(user).toMatch(/^\d+(:\d+)?$/);
    expect(Number(user.split(':')[0])).toBeGreaterThan(0);
    expect(jsonArgs(instruction(image, 'ENTRYPOINT'))).toEqual(['node', 'bin/symphainy.js']);
    const cmd = jsonArgs(instruction(image, 'CMD'));
    expect(cmd[0]).toBe('serve');
    expect(flag(cmd, '--host')).toBe('0.0.0.0');
    const port = flag(cmd, '--port')!;
    expect(instruction(image, 'EXPOSE')!.args).toBe(port);
    expect(instruction(image, 'HEALTHCHECK')!.args).toContain(`http://127.0.0.1:${port}/health`);
  });

  it('holds every file serve loads and installs every package it imports as a production dependency', async () => {
    const copied = image.instructions.filter((i) => i.keyword === 'COPY' && !i.args.startsWith('--from')).flatMap((i) => i.args.split(/\s+/).slice(0, -1));
    const graph = await serveModuleGraph();
    for (const file of graph.files) expect({ file, copied: copied.includes(file.split('/')[0]!) }).toEqual({ file, copied: true });
    for (const name of graph.packages) expect({ name, production: name in packageJson.dependencies }).toEqual({ name, production: true });
    const deps = stages.find((s) => s.name === 'deps')!;
    expect(instruction(deps, 'RUN')!.args).toContain('npm ci --omit=dev');
  });

  it('has a deployer stage that deploys the local stage', () => {
    const deployer = stages.find((s) => s.name === 'deployer')!;
    expect(jsonArgs(instruction(deployer, 'CMD'))).toEqual(['npm', 'run', 'deploy:local']);
  });

  it('keeps state, caches and dependencies out of the build context', () => {
    const ignored = read('.dockerignore')
      .split('\n')
      .map((l) => l.trim());
    for (const path of ['.git', 'node_modules', '.symphainy', '.venv']) expect(ignored).toContain(path);
  });
});

describe('the Kubernetes manifests (deploy/k8s)', () => {
  const files = readdirSync(join(ROOT, 'deploy/k8s')).filter((f) => f.endsWith('.yaml'));
  const docs = files.flatMap((f) => parseAllDocuments(read(`deploy/k8s/${f}`)).map((d) => d.toJS() as any));
  const deployment = docs.find((d) => d.kind === 'Deployment');
  const service = docs.find((d) => d.kind === 'Service');
  const container = deployment.spec.template.spec.containers[0];
  const args: string[] = container.args;
  const namedPort = (name: string | number) =>
    typeof name === 'number' ? name : container.ports.find((p: { name: string }) => p.name === name)?.containerPort;

  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'symphainy-k8s-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('lists every manifest in the kustomization', () => {
    const kustomization = docs.find((d) => d.kind === 'Kustomization');
    expect([...kustomization.resources].sort()).toEqual(files.filter((f) => f !== 'kustomization.yaml').sort());
  });

  it('runs serve on the port its probes and Service use, as a non-root user on a read-only root with a writable data volume', () => {
    expect(args[0]).toBe('serve');
    const port = Number(flag(args, '--port'));
    for (const probe of ['startupProbe', 'livenessProbe', 'readinessProbe'])
      expect({ probe, port: namedPort(container[probe].httpGet.port) }).toEqual({ probe, port });
    expect(container.livenessProbe.httpGet.path).toBe('/health');
    expect(container.readinessProbe.httpGet.path).toBe('/ready');
    expect(namedPort(service.spec.ports[0].targetPort)).toBe(port);
    expect(service.spec.selector).toEqual(deployment.spec.selector.matchLabels);
    expect(deployment.spec.template.metadata.labels).toMatchObject(deployment.spec.selector.matchLabels);

    const pod = deployment.spec.template.spec;
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true });
    expect(pod.securityContext.runAsUser).toBeGreaterThan(0);
    expect(container.securityContext).toMatchObject({ readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } });
    expect(container.resources.requests).toMatchObject({ cpu: expect.any(String), memory: expect.any(String) });
    expect(container.resources.limits.memory).toBeTruthy();
    const dataMount = container.volumeMounts.find((m: { mountPath: string }) => m.mountPath === flag(args, '--data-dir'));
    expect(dataMount).toBeTruthy();
    expect(dataMount.readOnly).not.toBe(true);
    const volume = pod.volumes.find((v: { name: string }) => v.name === dataMount.name);
    const claim = docs.find((d) => d.kind === 'PersistentVolumeClaim' && d.metadata.name === volume.persistentVolumeClaim?.claimName);
    expect(claim).toBeTruthy();
    // One writer per data directory.
    expect(deployment.spec.replicas).toBe(1);
    expect(deployment.spec.strategy.type).toBe('Recreate');
    expect(pod.terminationGracePeriodSeconds).toBeGreaterThan(Number(flag(args, '--drain-timeout')));
  });

  it('probes paths that serve answers when started with the manifest’s arguments', async () => {
    const local = args
      .slice(1)
      .map((a, i, all) => (all[i - 1] === '--host' ? '127.0.0.1' : all[i - 1] === '--port' ? '0' : all[i - 1] === '--data-dir' ? dataDir : a));
    // startServe adds its own --host/--port/--json; the later flags are the manifest's, rewritten for a test.
    const serve = await startServe(local);
    try {
      for (const probe of ['startupProbe', 'livenessProbe', 'readinessProbe']) {
        const res = await fetch(`${serve.url}${container[probe].httpGet.path}`);
        expect({ probe, status: res.status }).toEqual({ probe, status: 200 });
      }
    } finally {
      expect(await serve.stop()).toBe(0);
    }
  });
});

describe('the compose file (deploy/compose.yml)', () => {
  const compose = parse(read('deploy/compose.yml'), { merge: true }) as { services: Record<string, any> };
  const services = compose.services;
  const emulatorOf = (profile: string) => Object.keys(services).find((name) => name === profile);

  it('offers the ministack, localstack and embedded profiles, every dependency inside its profile', () => {
    const profiles = new Set(Object.values(services).flatMap((s) => s.profiles ?? []));
    expect(profiles).toEqual(new Set(['ministack', 'localstack', 'embedded']));
    for (const [name, service] of Object.entries(services)) {
      expect({ name, profiles: service.profiles?.length ?? 0 }).not.toEqual({ name, profiles: 0 });
      for (const dependency of Object.keys(service.depends_on ?? {})) {
        expect(services[dependency], `${name} depends on ${dependency}`).toBeTruthy();
        expect(services[dependency].profiles.some((p: string) => service.profiles.includes(p))).toBe(true);
      }
    }
  });

  it('pins LocalStack to the last tag that starts without a token, passing a token through', () => {
    expect(services.localstack.image).toBe('localstack/localstack:4.14.0');
    expect(services.localstack.environment.LOCALSTACK_AUTH_TOKEN).toBe('${LOCALSTACK_AUTH_TOKEN:-}');
  });

  it('builds MiniStack 1.5.33 from python:3.12-slim, healthy on 4566', () => {
    const dockerfile = join(ROOT, 'deploy', services.ministack.build.context, services.ministack.build.dockerfile);
    expect(existsSync(dockerfile)).toBe(true);
    const [stage] = readDockerfile(readFileSync(dockerfile, 'utf8')) as [Stage];
    expect(stage.image).toBe('python:3.12-slim');
    expect(stage.instructions.some((i) => i.keyword === 'ARG' && i.args === 'MINISTACK_VERSION=1.5.33')).toBe(true);
    expect(instruction(stage, 'EXPOSE')!.args).toBe('4566');
    expect(instruction(stage, 'HEALTHCHECK')!.args).toContain('http://127.0.0.1:4566/_ministack/health');
  });

  it('per emulator: deploys the local stage once it is healthy, then serves that stage from the platform image', () => {
    const stages = readDockerfile(read('deploy/container/platform.Dockerfile'));
    for (const profile of ['ministack', 'localstack']) {
      const emulator = emulatorOf(profile)!;
      const deploy = services[`deploy-${profile}`];
      const platform = services[`platform-${profile}`];
      expect(deploy.command).toEqual(['npm', 'run', 'deploy:local']);
      expect(deploy.build.dockerfile).toBe('deploy/container/platform.Dockerfile');
      expect(stages.some((s) => s.name === deploy.build.target)).toBe(true);
      expect(deploy.environment.AWS_ENDPOINT_URL).toBe(`http://${emulator}:4566`);
      expect(deploy.depends_on[emulator].condition).toBe('service_healthy');

      expect(platform.build).toMatchObject({ dockerfile: 'deploy/container/platform.Dockerfile', target: stages.at(-1)!.name });
      expect(platform.command.slice(0, 1)).toEqual(['serve']);
      expect(platform.command).toEqual(expect.arrayContaining(['--aws', '--stage', 'local']));
      expect(flag(platform.command, '--endpoint')).toBe(`http://${emulator}:4566`);
      expect(platform.depends_on[`deploy-${profile}`].condition).toBe('service_completed_successfully');
    }
  });

  it('publishes ports on 127.0.0.1 only, the platform on the port serve listens on', () => {
    for (const [name, service] of Object.entries(services))
      for (const port of service.ports ?? []) expect({ name, port }).toEqual({ name, port: expect.stringMatching(/^127\.0\.0\.1:/) });
    for (const name of ['platform-ministack', 'platform-localstack', 'platform-embedded']) {
      const port = flag(services[name].command, '--port');
      expect(services[name].ports).toEqual([`127.0.0.1:${port}:${port}`]);
    }
  });
});
