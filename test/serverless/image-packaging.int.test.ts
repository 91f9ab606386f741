import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

function printedConfig(...args: string[]) {
  const out = execFileSync('npx', ['sls', 'print', '--stage', 'dev', '--format', 'json', ...args], {
    cwd: root,
    env: { ...process.env, AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test' },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return JSON.parse(out) as {
    functions: Record<string, { handler?: string; image?: { name: string; command: string[] } }>;
    provider: { ecr: { images: Record<string, { file: string }> } };
  };
}

/** The container-image option changes how functions are packaged, never what they run. */
describe('--param="packaging=image"', () => {
  it('runs every function from the one image, with its own handler as the command', () => {
    const zip = printedConfig();
    const image = printedConfig('--param=packaging=image');
    expect(Object.keys(image.functions)).toEqual(Object.keys(zip.functions));
    for (const [name, fn] of Object.entries(image.functions)) {
      expect(fn.handler, name).toBeUndefined();
      expect(fn.image, name).toEqual({ name: 'symphainy', command: [zip.functions[name]!.handler!] });
    }
    expect(existsSync(`${root}${image.provider.ecr.images.symphainy!.file}`)).toBe(true);
  }, 120_000);

  it('refuses a packaging it does not know', () => {
    let output = '';
    try {
      printedConfig('--param=packaging=tarball');
    } catch (error) {
      const failed = error as { stdout?: string; stderr?: string };
      output = `${failed.stdout ?? ''}${failed.stderr ?? ''}`;
    }
    expect(output).toMatch(/packaging "tarball" is unknown: use zip \(default\) or image/);
  }, 60_000);
});
