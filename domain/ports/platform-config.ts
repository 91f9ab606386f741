/** Settings the adapters read and validate once at start-up and hand to the domain. */
export interface PlatformConfig {
  /** Bucket users upload into; its `Object Created` events start journeys. */
  uploadBucket: string;
  /** Bucket for everything the platform writes; it has no notifications, so nothing re-triggers. */
  artifactBucket: string;
  /** Largest upload a step will read; a use case may take less (UseCaseModule.maxUploadBytes). */
  maxUploadBytes: number;
  /** Deliveries of a step request before it goes to the dead-letter queue (SQS maxReceiveCount). */
  maxAttempts: number;
  /**
   * Where set (the cloud, the emulator), a step that profiles its input in shards fans an input
   * larger than this out into shard requests of about this many bytes; absent, it reads in one
   * pass (or on worker threads, when embedded).
   */
  shardBytes?: number;
  /**
   * At most this many shards per fan-out: a larger input is cut into this many larger shards.
   * Bounds the invocations, partial results and the merge's work for one step.
   */
  maxShards?: number;
}

export const defaultPlatformConfig: PlatformConfig = {
  uploadBucket: 'symphainy-uploads',
  artifactBucket: 'symphainy-artifacts',
  // Every step of a journey that takes files this large streams them (the mvp journeys do).
  maxUploadBytes: 5 * 1024 * 1024 * 1024,
  maxAttempts: 3,
};
