import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { GetQueueAttributesCommand, GetQueueUrlCommand, ListQueuesCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { EventBridgePublisher } from '#functions/adapters/eventbridge-publisher.js';
import { listingOf } from '#domain/journeys/journey-listing.js';
import type { JourneyOperations } from '#local/operations/journey-operations.js';
import { CloudStageError, type CloudStage } from './cloud-stage.js';
import { recordedEvents, recordedJourneys } from '#local/stage/recorded-journeys.js';
import { foldJourney } from '#domain/journeys/journey-state.js';

/** Redrive and the dead-letter commands against a deployed stage: its record in S3, its bus, its queues. */
export function cloudOperations(stage: CloudStage): JourneyOperations {
  const sqs = new SQSClient(stage.clientConfig);
  const queuePrefix = `symphainy-${stage.target.stage}-`;
  const queueUrl = async (name: string) => {
    const out = await sqs.send(new GetQueueUrlCommand({ QueueName: name }));
    if (!out.QueueUrl) throw new CloudStageError(`queue ${name} not found in stage ${stage.target.stage}`);
    return out.QueueUrl;
  };
  return {
    store: stage.store,
    artifactBucket: stage.artifactBucket,
    async journey(journeyId) {
      const events = await recordedEvents(stage, journeyId);
      const view = foldJourney(journeyId, events);
      return view ? { view, events } : undefined;
    },
    async listings() {
      return (await recordedJourneys(stage)).map(listingOf);
    },
    async publish(drafts) {
      if (!stage.eventBusName) throw new CloudStageError(`stack ${stage.stackName} has no EventBusName output: deploy the current version`);
      await new EventBridgePublisher(new EventBridgeClient(stage.clientConfig), stage.eventBusName).publish(drafts);
    },
    async resend(functionName, body) {
      const out = await sqs.send(new SendMessageCommand({ QueueUrl: await queueUrl(`${queuePrefix}${functionName}`), MessageBody: body }));
      return out.MessageId ?? 'sent';
    },
    async queuedDeadLetters() {
      const out = await sqs.send(new ListQueuesCommand({ QueueNamePrefix: queuePrefix }));
      const counts: Record<string, number> = {};
      for (const url of out.QueueUrls ?? []) {
        const name = url.split('/').pop() ?? '';
        if (!name.endsWith('-dlq') || name === `${queuePrefix}rule-delivery-dlq`) continue;
        const attributes = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['ApproximateNumberOfMessages'] }));
        const waiting = Number(attributes.Attributes?.ApproximateNumberOfMessages ?? 0);
        if (waiting > 0) counts[name.slice(queuePrefix.length, -'-dlq'.length)] = waiting;
      }
      return counts;
    },
  };
}
