import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';

export interface QueueSettings {
  /** Deliveries before a message moves to the dead-letter queue (SQS maxReceiveCount). */
  maxReceiveCount: number;
  /** How long a failed message stays invisible before its next delivery. */
  visibilityTimeoutMs: number;
  /** Records per invocation (the event source mapping's BatchSize). */
  batchSize: number;
  /** Invocations in flight at once. */
  concurrency: number;
}

export interface QueueObserver {
  acknowledged(queue: string, messageId: string): void;
  deadLettered(queue: string, messageId: string, receiveCount: number, error: string): void;
  /** Called whenever the queue may have become idle. */
  settled(): void;
}

interface Message {
  id: string;
  body: string;
  receiveCount: number;
  visibleAt: number;
  sentAt: number;
}

export interface DeadLetter {
  messageId: string;
  body: string;
  receiveCount: number;
  error: string;
}

/**
 * An SQS queue in front of one function, with the semantics deployed queues have: batches,
 * at-least-once delivery, a visibility timeout before a failed message is retried, partial batch
 * responses, and a dead-letter queue after maxReceiveCount deliveries.
 */
export class FunctionQueue {
  private readonly ready: Message[] = [];
  private readonly waiting = new Set<Message>();
  private readonly known = new Set<string>();
  private inFlightBatches = 0;
  private inFlightMessages = 0;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  readonly deadLetters: DeadLetter[] = [];
  private readonly lastErrors = new Map<string, string>();

  constructor(
    readonly name: string,
    private readonly invoke: (event: SQSEvent) => Promise<SQSBatchResponse | void>,
    private readonly settings: QueueSettings,
    private readonly observer: QueueObserver,
  ) {}

  send(messageId: string, body: string): void {
    if (this.stopped || this.known.has(messageId)) return;
    this.known.add(messageId);
    this.ready.push({ id: messageId, body, receiveCount: 0, visibleAt: 0, sentAt: Date.now() });
    this.pump();
  }

  /** Remembers why a message failed, so its dead-letter record can say so. */
  noteFailure(messageId: string, error: Error): void {
    this.lastErrors.set(messageId, error.message);
  }

  get depth(): number {
    return this.ready.length + this.waiting.size + this.inFlightMessages;
  }

  isIdle(): boolean {
    return this.depth === 0;
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  private pump(): void {
    while (!this.stopped && this.inFlightBatches < this.settings.concurrency && this.ready.length > 0) {
      const batch = this.ready.splice(0, this.settings.batchSize);
      void this.deliver(batch);
    }
  }

  private async deliver(batch: Message[]): Promise<void> {
    this.inFlightBatches++;
    this.inFlightMessages += batch.length;
    // Handlers over the embedded store resolve without real I/O, so a journey would otherwise run
    // as one unbroken promise chain: yield to the event loop first, so HTTP probes and signals
    // in a long-lived process are answered between batches.
    await new Promise<void>((resolve) => setImmediate(resolve));
    for (const message of batch) message.receiveCount++;
    let failed: Set<string>;
    try {
      const response = await this.invoke({ Records: batch.map((m) => this.toRecord(m)) });
      failed = new Set((response?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
    } catch (error) {
      // A thrown handler fails the whole batch, as Lambda does.
      failed = new Set(batch.map((m) => m.id));
      for (const m of batch) if (!this.lastErrors.has(m.id)) this.lastErrors.set(m.id, (error as Error).message);
    }
    this.inFlightBatches--;
    this.inFlightMessages -= batch.length;
    // Stopped mid-flight (a shutdown or a simulated crash): record nothing, so the journal still
    // holds these messages as unfinished and the next start redelivers them.
    if (this.stopped) return;
    for (const message of batch) {
      if (!failed.has(message.id)) {
        this.lastErrors.delete(message.id);
        this.observer.acknowledged(this.name, message.id);
      } else if (message.receiveCount >= this.settings.maxReceiveCount) {
        const error = this.lastErrors.get(message.id) ?? 'the function reported the record as failed';
        this.lastErrors.delete(message.id);
        this.deadLetters.push({ messageId: message.id, body: message.body, receiveCount: message.receiveCount, error });
        this.observer.deadLettered(this.name, message.id, message.receiveCount, error);
      } else {
        message.visibleAt = Date.now() + this.settings.visibilityTimeoutMs;
        this.waiting.add(message);
      }
    }
    this.scheduleRetries();
    this.pump();
    this.observer.settled();
  }

  private scheduleRetries(): void {
    if (this.timer || this.waiting.size === 0 || this.stopped) return;
    const next = Math.min(...[...this.waiting].map((m) => m.visibleAt));
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const now = Date.now();
      for (const message of [...this.waiting]) {
        if (message.visibleAt <= now) {
          this.waiting.delete(message);
          this.ready.push(message);
        }
      }
      this.pump();
      this.scheduleRetries();
    }, Math.max(0, next - Date.now()));
  }

  private toRecord(message: Message): SQSRecord {
    return {
      messageId: message.id,
      receiptHandle: `${message.id}#${message.receiveCount}`,
      body: message.body,
      attributes: {
        ApproximateReceiveCount: String(message.receiveCount),
        SentTimestamp: String(message.sentAt),
        SenderId: 'embedded-event-bus',
        ApproximateFirstReceiveTimestamp: String(message.sentAt),
      },
      messageAttributes: {},
      md5OfBody: '',
      eventSource: 'aws:sqs',
      eventSourceARN: `arn:aws:sqs:local:000000000000:${this.name}`,
      awsRegion: 'local',
    };
  }
}
