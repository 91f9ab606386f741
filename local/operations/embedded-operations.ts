import type { EmbeddedRuntime } from '#local/runtime/embedded-runtime.js';
import type { JourneyOperations } from './journey-operations.js';

/** Redrive and the dead-letter commands on the embedded runtime: its journal, its bus, its queues. */
export function embeddedOperations(runtime: EmbeddedRuntime): JourneyOperations {
  return {
    store: runtime.store,
    artifactBucket: runtime.config.artifactBucket,
    async journey(journeyId) {
      const view = runtime.journey(journeyId);
      return view ? { view, events: runtime.events(journeyId) } : undefined;
    },
    async listings() {
      return runtime.journeyListings();
    },
    publish: (drafts) => runtime.put('platform', drafts),
    async resend(functionName, body) {
      return runtime.redeliver(functionName, body);
    },
  };
}
