export { asStepRejection, rejectingUnreadable } from './as-step-rejection.js';
export { EDA_ARTIFACTS } from './eda-artifacts.js';
export { inputRecordBatches, inputRecords } from './input-records.js';
export { profileInput } from './profile-input.js';
export { fileNameOf, writeEdaReport, type EdaReportContent } from './write-eda-report.js';
export { writeEdaNotification } from './write-notification.js';
export { mappingWithoutExamples } from './mapping-without-examples.js';
