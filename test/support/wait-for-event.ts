import { emulatorRequired } from './emulator-stage.js';
import { randomBytes } from 'node:crypto';
import { DeleteRuleCommand, EventBridgeClient, PutRuleCommand, PutTargetsCommand, RemoveTargetsCommand } from '@aws-sdk/client-eventbridge';
import {
  CreateQueueCommand,
  DeleteMessageBatchCommand,
  DeleteQueueCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SetQueueAttributesCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { eventBridgeEnvelope, type EventBridgeEnvelope } from '#events/platform-event.js';
import type { EmbeddedRuntime } from '#local/runtime/embedded-runtime.js';
import { BusListener, type EventPredicate } from '#local/replay/bus-listener.js';

export { eventOf, describeEvent, EventTimeoutError, type EventPredicate } from '#local/replay/bus-listener.js';

/**
 * What a test listens to the bus through. Events are kept from the moment the listener exists,
 * so `waitForEvent` never misses an event that came before the wait began: create the listener,
 * act, then wait for the outcome event. Never sleep a fixed time instead.
 */
export interface EventListener {
  waitForEvent(predicate: EventPredicate, options: { timeout: number; description?: string }): Promise<EventBridgeEnvelope>;
  /** Every event seen so far, in arrival order. */
  readonly seen: readonly EventBridgeEnvelope[];
  /** Also hand each event to `consumer` as it arrives (and every one seen so far). */
  onEvent(consumer: (event: EventBridgeEnvelope) => void): void;
  close(): Promise<void>;
}

/** Listens on the embedded runtime's buses (every event it journals, as it is journaled). */
export function listenOnRuntime(runtime: EmbeddedRuntime): EventListener {
  const bus = new BusListener();
  const consumers: ((event: EventBridgeEnvelope) => void)[] = [];
  const unsubscribe = runtime.onEvent((event) => {
    bus.deliver(event);
    for (const consumer of consumers) consumer(event);
  });
  return {
    waitForEvent: (predicate, options) => bus.waitForEvent(predicate, options),
    get seen() {
      return bus.seen;
    },
    onEvent(consumer) {
      for (const event of bus.seen) consumer(event);
      consumers.push(consumer);
    },
    async close() {
      unsubscribe();
    },
  };
}

export interface EmulatorSettings {
  endpoint: string;
  region: string;
}

/** MiniStack (or any LocalStack-compatible emulator) where `npm run local:up` starts it. */
export function emulatorSettings(env: NodeJS.ProcessEnv = process.env): EmulatorSettings {
  return { endpoint: env.AWS_ENDPOINT_URL ?? 'http://127.0.0.1:4566', region: env.AWS_REGION ?? 'us-east-1' };
}

/**
 * Whether emulator tests run: they must when SYMPHAINY_EMULATOR=required (or CI), and then an unreachable
 * emulator is a failure, not a skip; otherwise they run when one answers and skip, saying so,
 * when none does.
 */
export async function emulatorAvailability(
  settings = emulatorSettings(),
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ run: boolean; required: boolean; reachable: boolean; reason: string }> {
  const required = emulatorRequired(env);
  let reachable: boolean;
  try {
    const response = await fetch(new URL('/_ministack/health', settings.endpoint), { signal: AbortSignal.timeout(2000) });
    reachable = response.ok;
  } catch {
    reachable = false;
  }
  const reason = reachable
    ? `emulator at ${settings.endpoint}`
    : `no emulator answers at ${settings.endpoint} (npm run local:up starts MiniStack; SYMPHAINY_EMULATOR=required makes this a failure)`;
  return { run: reachable || required, required, reachable, reason };
}

export function emulatorClients(settings: EmulatorSettings): { eventBridge: EventBridgeClient; sqs: SQSClient } {
  const config = { endpoint: settings.endpoint, region: settings.region, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } };
  return { eventBridge: new EventBridgeClient(config), sqs: new SQSClient(config) };
}

/** A name no other test run (or engineer) on the shared emulator will pick. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
}

/**
 * Listens on an emulator's bus the way the end-to-end tests of a deployed stack do: a test-only
 * rule (matching `pattern`, by default every event) targets a test-only SQS queue, which is
 * polled. `close()` removes the rule and deletes the queue.
 */
export async function listenOnEmulatorBus(
  settings: EmulatorSettings,
  options: { bus: string; pattern?: Record<string, unknown>; name?: string },
): Promise<EventListener> {
  const { eventBridge, sqs } = emulatorClients(settings);
  const name = options.name ?? uniqueName('symphainy-test-listener');
  const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: name }));
  const queueUrl = QueueUrl!;
  const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }));
  const queueArn = Attributes!.QueueArn!;
  const { RuleArn } = await eventBridge.send(
    new PutRuleCommand({ Name: name, EventBusName: options.bus, EventPattern: JSON.stringify(options.pattern ?? { source: [{ prefix: '' }] }) }),
  );
  // As on AWS: only this rule may send to the queue.
  const policy = {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Service: 'events.amazonaws.com' },
        Action: 'sqs:SendMessage',
        Resource: queueArn,
        Condition: { ArnEquals: { 'aws:SourceArn': RuleArn } },
      },
    ],
  };
  await sqs.send(new SetQueueAttributesCommand({ QueueUrl: queueUrl, Attributes: { Policy: JSON.stringify(policy) } }));
  await eventBridge.send(new PutTargetsCommand({ Rule: name, EventBusName: options.bus, Targets: [{ Id: 'test-listener', Arn: queueArn }] }));

  const bus = new BusListener();
  const consumers: ((event: EventBridgeEnvelope) => void)[] = [];
  let open = true;
  let failure: Error | undefined;
  const polling = (async () => {
    while (open && !failure) {
      const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, WaitTimeSeconds: 1, MaxNumberOfMessages: 10 }));
      for (const message of Messages) {
        const parsed = eventBridgeEnvelope.safeParse(JSON.parse(message.Body ?? 'null'));
        if (!parsed.success) continue;
        bus.deliver(parsed.data);
        for (const consumer of consumers) consumer(parsed.data);
      }
      if (Messages.length)
        await sqs.send(
          new DeleteMessageBatchCommand({ QueueUrl: queueUrl, Entries: Messages.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle! })) }),
        );
    }
  })().catch((error: Error) => {
    failure = error;
  });

  return {
    // A listener that cannot poll says so instead of letting waits run into their timeout.
    waitForEvent: (predicate, waitOptions) =>
      failure ? Promise.reject(new Error(`the test listener on ${options.bus} stopped: ${failure.message}`)) : bus.waitForEvent(predicate, waitOptions),
    get seen() {
      return bus.seen;
    },
    onEvent(consumer) {
      for (const event of bus.seen) consumer(event);
      consumers.push(consumer);
    },
    async close() {
      open = false;
      await polling;
      await eventBridge.send(new RemoveTargetsCommand({ Rule: name, EventBusName: options.bus, Ids: ['test-listener'] }));
      await eventBridge.send(new DeleteRuleCommand({ Name: name, EventBusName: options.bus }));
      await sqs.send(new DeleteQueueCommand({ QueueUrl: queueUrl }));
      eventBridge.destroy();
      sqs.destroy();
    },
  };
}

/**
 * Resolves once the embedded runtime's queues have finished with every given message (the
 * journal's ack or dead-letter record): the outcome signal for "the replay was handled", which a
 * test that expects nothing to happen needs instead of a sleep.
 */
export function waitForMessagesSettled(runtime: EmbeddedRuntime, messageIds: readonly string[], options: { timeout: number }): Promise<void> {
  const pending = new Set(messageIds);
  for (const record of runtime.journalRecords()) if (record.kind !== 'event') pending.delete(record.messageId);
  if (pending.size === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`${pending.size} of ${messageIds.length} messages still unsettled after ${options.timeout} ms: ${[...pending].slice(0, 5).join(', ')}`));
    }, options.timeout);
    const stop = runtime.onJournal((record) => {
      if (record.kind === 'event') return;
      pending.delete(record.messageId);
      if (pending.size === 0) {
        clearTimeout(timer);
        stop();
        resolve();
      }
    });
  });
}
