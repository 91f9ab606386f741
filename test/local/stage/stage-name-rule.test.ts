import { describe, expect, it } from 'vitest';
import { routingTable } from '#domain/routing/routing-table.js';
import { defaultUseCaseRegistry } from '#domain/use-cases/default-registry.js';
import { STAGE_NAME_MAX_LENGTH, stageNameProblem } from '#local/stage/stage-name-rule.js';
import { deadLetterQueueName, functionQueueName, stackName, stageBucketName, stageBusName } from '#local/stage/stage-names.js';

const longest = 'a'.repeat(STAGE_NAME_MAX_LENGTH);

describe('stage names', () => {
  it('takes lowercase letters, digits and dashes up to the limit the bucket names leave', () => {
    expect(STAGE_NAME_MAX_LENGTH).toBe(15);
    for (const stage of ['local', 'dev', 'pr-42', longest]) expect(stageNameProblem(stage), stage).toBeUndefined();
  });

  it('refuses what a deployed name could not hold, saying what a stage name is', () => {
    for (const stage of ['', `${longest}a`, 'Dev', 'no/slash', 'under_score', 'a'.repeat(32)]) {
      expect(stageNameProblem(stage), stage).toBe(
        `--stage "${stage}" is not a stage name: lowercase letters, digits and dashes, at most 15 (so its bucket symphainy-<stage>-artifacts-<account>-<region> fits S3's 63 characters)`,
      );
    }
  });

  it('leaves every name the longest stage deploys within its service limit', () => {
    // S3 63, Lambda function and EventBridge rule 64, SQS queue 80, EventBridge archive 48, stack 128;
    // a function is named as its queue is.
    expect(stageBucketName(longest, 'artifacts', '123456789012', 'ap-southeast-1').length).toBeLessThanOrEqual(63);
    expect(stageBucketName(longest, 'uploads', '123456789012', 'ap-southeast-1').length).toBeLessThanOrEqual(63);
    expect(stageBusName(longest).length).toBeLessThanOrEqual(48);
    expect(stackName(longest).length).toBeLessThanOrEqual(128);
    const routes = routingTable(defaultUseCaseRegistry(), { uploadBucket: 'symphainy-uploads' });
    for (const route of routes) {
      expect(`${stackName(longest)}-${route.rule}`.length, route.rule).toBeLessThanOrEqual(64);
      expect(functionQueueName(longest, route.target).length, route.target).toBeLessThanOrEqual(64);
      expect(deadLetterQueueName(longest, route.target).length, route.target).toBeLessThanOrEqual(80);
    }
  });
});
