import type { UseCaseModule } from '#domain/use-cases/use-case-module.js';
import { mvpEdaJourney } from './eda/index.js';
import { describeMvpDelivery } from './notifications/describe-delivery.js';
import { mvpSamples } from './samples/mvp-samples.js';
import { notifyCompletion } from './steps/notify-completion.js';
import { processFile } from './steps/process-file.js';
import { storeFile } from './steps/store-file.js';
import { validateFile } from './steps/validate-file.js';

/** The general-purpose use case: any well-formed table is validated, normalised, curated and announced. */
export const mvpUseCase: UseCaseModule = {
  id: 'mvp',
  title: 'General data file: validate, normalise, curate, notify',
  journeys: { upload: [validateFile, processFile, storeFile, notifyCompletion], eda: mvpEdaJourney },
  followOn: { upload: ['eda'] },
  describeDelivery: describeMvpDelivery,
  samples: mvpSamples,
};
