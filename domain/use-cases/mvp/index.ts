import type { UseCaseModule } from '#domain/use-cases/use-case-module.js';
import { mvpEdaJourney } from './eda/index.js';
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
  describeDelivery: describeMvpDelivery,
  samples: mvpSamples,
};
