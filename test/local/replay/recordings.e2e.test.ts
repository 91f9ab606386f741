import { describe, expect, it } from 'vitest';
import { basename } from 'node:path';
import { readRecording } from '#local/replay/recording.js';
import { expectRecordingToReplay, recordingFiles } from '../../support/golden-replay.js';

const files = recordingFiles();

describe('recorded journeys (events/recordings) replay to the outcome they were recorded with', () => {
  it('there are recordings to replay: at least one per use case and a failed journey', () => {
    const traces = files.map((f) => readRecording(f).trace);
    for (const useCase of ['mvp', 'autonomous_vehicle', 'insurance_ai']) expect(traces.map((t) => t.useCase)).toContain(useCase);
    expect(traces.map((t) => t.status)).toContain('failed');
  });

  it.each(files.map((f) => [basename(f, '.json'), f]))('%s', async (_name, file) => {
    const replayed = await expectRecordingToReplay(file);
    expect(replayed.journeyId).toBe(replayed.recording.journeyId);
    expect(replayed.trace.status).toBe(replayed.recording.trace.status);
  });
});
