import type { UseCaseModule } from '#domain/use-cases/use-case-module.js';
import { mvpEdaJourney } from './eda/index.js';
import { admissionShardPass } from './shared/admit-in-shards.js';
import { typedCopyShardPass } from './upload/typed-copy-in-shards.js';
import { describeMvpDelivery } from './upload/describe-delivery.js';
import { mvpSamples } from './samples/mvp-samples.js';
import { notifyCompletion } from './upload/notify-completion.js';
import { processFile } from './upload/process-file.js';
import { storeFile } from './upload/store-file.js';
import { validateFile } from './upload/validate-file.js';

/** The general-purpose use case: any well-formed table is validated, normalised, curated and announced. */
export const mvpUseCase: UseCaseModule = {
  id: 'mvp',
  title: 'General data file: validate, normalise, curate, notify',
  journeys: { upload: [validateFile, processFile, storeFile, notifyCompletion], eda: mvpEdaJourney },
  followOn: { upload: ['eda'] },
  tableShardPasses: [admissionShardPass, typedCopyShardPass],
  describeDelivery: describeMvpDelivery,
  samples: mvpSamples,
};
