// The CloudFormation resources that route events to functions, derived from the same routing
// table the embedded runtime routes with (domain/routing/routing-table.ts), so the deployed rules
// cannot drift from it. Per routing target F (a function):
//
//   symphainy-<stage>-F       SQS queue (SSE, visibility 6x the function timeout) ─► function F
//   symphainy-<stage>-F-dlq   its dead-letter queue, after maxReceiveCount deliveries
//   queue policy              only F's rules may send to it (aws:SourceArn)
//   rules                     one per route, pattern from the table, target the queue
//   role                      F's own: its log group, its queue, the buckets and bus it needs
//
// serverless.yml pulls this in with ${file(...)}; osls calls the exported function.
const { loadRouting, pascalCase } = require('./routing-table-loader.cjs');

const UPLOAD_BUCKET_PLACEHOLDER = '\u0000upload-bucket';

module.exports = async ({ resolveVariable }) => {
  const stage = await resolveVariable('sls:stage');
  const timeoutSeconds = Number(await resolveVariable('param:functionTimeoutSeconds'));
  const maxReceiveCount = Number(await resolveVariable('param:maxAttempts'));
  const { routes, roles } = await loadRouting({ uploadBucket: UPLOAD_BUCKET_PLACEHOLDER });

  const Resources = {};
  for (const target of [...new Set(routes.map((r) => r.target))]) {
    const id = pascalCase(target);
    const own = routes.filter((r) => r.target === target);
    const queue = `${id}Queue`;

    Resources[`${id}DeadLetterQueue`] = {
      Type: 'AWS::SQS::Queue',
      Properties: {
        QueueName: `symphainy-${stage}-${target}-dlq`,
        SqsManagedSseEnabled: true,
        MessageRetentionPeriod: 1209600, // 14 days, the most SQS keeps: time to look and redrive
      },
    };
    Resources[queue] = {
      Type: 'AWS::SQS::Queue',
      Properties: {
        QueueName: `symphainy-${stage}-${target}`,
        SqsManagedSseEnabled: true,
        // Lambda's advice for SQS sources: at least 6x the function timeout, so a batch still
        // being retried by the poller is not delivered twice.
        VisibilityTimeout: 6 * timeoutSeconds,
        RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [`${id}DeadLetterQueue`, 'Arn'] }, maxReceiveCount },
      },
    };
    for (const route of own) {
      Resources[`${pascalCase(route.rule)}Rule`] = {
        Type: 'AWS::Events::Rule',
        Properties: {
          Name: `symphainy-${stage}-${route.rule}`,
          Description: route.description.slice(0, 512),
          ...(route.bus === 'platform' ? { EventBusName: { Ref: 'EventBus' } } : {}),
          EventPattern: withUploadBucket(route.pattern),
          State: 'ENABLED',
          Targets: [{ Id: 'queue', Arn: { 'Fn::GetAtt': [queue, 'Arn'] } }],
        },
      };
    }
    Resources[`${queue}Policy`] = {
      Type: 'AWS::SQS::QueuePolicy',
      Properties: {
        Queues: [{ Ref: queue }],
        PolicyDocument: {
          Version: '2012-10-17',
          Statement: [
            {
              Sid: 'OnlyItsRules',
              Effect: 'Allow',
              Principal: { Service: 'events.amazonaws.com' },
              Action: 'sqs:SendMessage',
              Resource: { 'Fn::GetAtt': [queue, 'Arn'] },
              Condition: { ArnEquals: { 'aws:SourceArn': own.map((route) => ({ 'Fn::GetAtt': [`${pascalCase(route.rule)}Rule`, 'Arn'] })) } },
            },
          ],
        },
      },
    };
    Resources[`${id}Role`] = role(stage, target, queue, roles[target]);
  }
  return { Resources };
};

/** The bucket name is only known to CloudFormation, so the pattern refers to the bucket. */
function withUploadBucket(value) {
  if (value === UPLOAD_BUCKET_PLACEHOLDER) return { Ref: 'UploadBucket' };
  if (Array.isArray(value)) return value.map(withUploadBucket);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withUploadBucket(v)]));
  return value;
}

const objects = (bucket, prefix = '') => ({ 'Fn::Sub': `\${${bucket}.Arn}/${prefix}*` });
const bucketArn = (bucket) => ({ 'Fn::GetAtt': [bucket, 'Arn'] });

/** One role per function: nothing it does not use, and no `*` action or resource. */
function role(stage, target, queue, access) {
  const statements = [
    {
      Sid: 'OwnLogs',
      Effect: 'Allow',
      Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      Resource: { 'Fn::Sub': `arn:\${AWS::Partition}:logs:\${AWS::Region}:\${AWS::AccountId}:log-group:/aws/lambda/symphainy-${stage}-${target}:*` },
    },
    {
      Sid: 'OwnQueue',
      Effect: 'Allow',
      Action: ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:ChangeMessageVisibility'],
      Resource: { 'Fn::GetAtt': [queue, 'Arn'] },
    },
    // ListBucket lets a read of a missing key answer 404 (not 403), which the code relies on.
    { Sid: 'ListBuckets', Effect: 'Allow', Action: 's3:ListBucket', Resource: [bucketArn('ArtifactBucket'), ...(access.readsUploads ? [bucketArn('UploadBucket')] : [])] },
  ];
  if (access.readsUploads) statements.push({ Sid: 'ReadUploads', Effect: 'Allow', Action: 's3:GetObject', Resource: objects('UploadBucket') });
  if (access.writesArtifacts === 'journey-record') {
    statements.push(
      { Sid: 'ReadArtifacts', Effect: 'Allow', Action: 's3:GetObject', Resource: objects('ArtifactBucket') },
      { Sid: 'WriteJourneyRecord', Effect: 'Allow', Action: 's3:PutObject', Resource: objects('ArtifactBucket', 'journeys/') },
    );
  } else {
    // Artifacts, and the idempotency claims every function takes and releases.
    statements.push({ Sid: 'Artifacts', Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'], Resource: objects('ArtifactBucket') });
  }
  if (access.publishes) statements.push({ Sid: 'PublishOnStageBus', Effect: 'Allow', Action: 'events:PutEvents', Resource: { 'Fn::GetAtt': ['EventBus', 'Arn'] } });
  return {
    Type: 'AWS::IAM::Role',
    Properties: {
      Description: `symphainy-${stage}-${target}`,
      AssumeRolePolicyDocument: {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
      },
      Policies: [{ PolicyName: target, PolicyDocument: { Version: '2012-10-17', Statement: statements } }],
    },
  };
}
