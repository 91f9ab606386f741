import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

type Template = { Resources: Record<string, { Type: string; Properties: Record<string, any> }>; Outputs: Record<string, { Value: unknown }> };

const root = fileURLToPath(new URL('../../', import.meta.url));
const TOPIC = 'arn:aws:sns:eu-west-1:123456789012:operations-pager';

/** The stage packaged (offline) for an account that already has its alarm topic. */
let template: Template;
beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'symphainy-package-'));
  try {
    execFileSync('npx', ['sls', 'package', '--stage', 'dev', '--param', `alarmTopicArn=${TOPIC}`, '--package', dir], {
      cwd: root,
      env: { ...process.env, AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test' },
      stdio: 'pipe',
    });
    template = JSON.parse(readFileSync(join(dir, 'cloudformation-template-update-stack.json'), 'utf8')) as Template;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 300_000);

describe('--param alarmTopicArn', () => {
  it('sends every alarm to the given topic and creates none of its own', () => {
    const alarms = Object.values(template.Resources).filter((r) => r.Type === 'AWS::CloudWatch::Alarm');
    expect(alarms.length).toBeGreaterThan(0);
    for (const alarm of alarms) {
      expect(alarm.Properties.AlarmActions, alarm.Properties.AlarmName).toEqual([TOPIC]);
      expect(alarm.Properties.OKActions, alarm.Properties.AlarmName).toEqual([TOPIC]);
    }
    expect(Object.values(template.Resources).filter((r) => r.Type.startsWith('AWS::SNS::'))).toEqual([]);
    expect(template.Outputs.AlarmTopicArn!.Value).toBe(TOPIC);
  });
});
