import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from '../parse-args.js';
import type { JourneyView } from '#domain/journeys/journey-state.js';
import { EDA_ARTIFACTS } from '#domain/reporting/eda/eda-artifacts.js';
import type { EmbeddedRuntime } from '#local/runtime/embedded-runtime.js';
import { ExitCode, UsageError } from '#local/command-errors/command-error.js';
import { commonOptionSpec, dataDirOf, openRuntime } from '../runtime-options.js';
import { reportUsage } from '../usage.js';

const EDA_JOURNEY = 'eda';

export async function reportCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { ...commonOptionSpec, open: { type: 'boolean', default: false } },
  });
  if (values.help) return (console.log(reportUsage), ExitCode.ok);
  const [journeyId, ...extra] = positionals;
  if (!journeyId || extra.length) throw new UsageError(`report needs exactly one journey id\n\n${reportUsage}`);
  const runtime = await openRuntime(values);
  try {
    const found = findEdaJourney(runtime, journeyId);
    if ('problem' in found) {
      console.error(found.problem);
      return found.exitCode;
    }
    const { view } = found;
    const ref = view.artifacts.find((a) => a.name === EDA_ARTIFACTS.report);
    if (view.status !== 'completed' || !ref) {
      const why = view.error ? `${view.error.code}: ${view.error.message}` : `it is ${view.status}`;
      console.error(`journey ${view.journeyId} (${view.useCase}/${view.journey}) has no report: ${why}`);
      return ExitCode.notOk;
    }
    const object = await runtime.store.get(ref.bucket, ref.key);
    if (!object) {
      console.error(`the report artifact s3://${ref.bucket}/${ref.key} is missing from the store`);
      return ExitCode.notFound;
    }
    const reportPath = join(dataDirOf(values), 'reports', `${view.journeyId}.html`);
    mkdirSync(join(dataDirOf(values), 'reports'), { recursive: true });
    writeFileSync(reportPath, object.body);
    const opened = values.open ? await openInBrowser(reportPath) : null;
    if (values.json) {
      console.log(
        JSON.stringify(
          {
            journeyId: view.journeyId,
            requestedJourneyId: journeyId,
            useCase: view.useCase,
            reportPath,
            artifact: { bucket: ref.bucket, key: ref.key, sha256: ref.sha256, size: ref.size },
            opened: opened?.ok ?? null,
          },
          null,
          2,
        ),
      );
    } else {
      if (view.journeyId !== journeyId) console.log(`journey ${journeyId} was followed by EDA journey ${view.journeyId}`);
      console.log(`report: ${reportPath}`);
      if (opened) console.log(opened.ok ? `opened with ${opened.opener}` : `could not open it: ${opened.reason}; open the file above in a browser`);
    }
    return ExitCode.ok;
  } finally {
    runtime.close();
  }
}

type Found = { view: JourneyView } | { problem: string; exitCode: number };

/** The journey itself when it is an EDA journey, else the EDA journey that followed it. */
function findEdaJourney(runtime: EmbeddedRuntime, journeyId: string): Found {
  const view = runtime.journey(journeyId);
  if (!view) return { problem: `no journey ${journeyId}; "symphainy journeys" lists them`, exitCode: ExitCode.notFound };
  if (view.journey === EDA_JOURNEY) return { view };
  const followOn = runtime.journeys().find((j) => j.parentJourneyId === journeyId && j.journey === EDA_JOURNEY);
  if (followOn) return { view: followOn };
  const why =
    view.status === 'completed'
      ? `the ${view.useCase} use case starts no EDA journey after ${view.journey}; run one with "symphainy upload <file> --journey eda"`
      : `it ${view.status === 'running' ? 'is still running' : `ended ${view.status}`}, and an EDA journey only follows a completed one`;
  return { problem: `journey ${journeyId} (${view.useCase}/${view.journey}) has no EDA report: ${why}`, exitCode: ExitCode.notFound };
}

/** Starts the platform's opener detached; says why not when there is none. */
function openInBrowser(path: string): Promise<{ ok: true; opener: string } | { ok: false; reason: string }> {
  const opener = process.platform === 'darwin' ? 'open' : 'xdg-open';
  return new Promise((resolve) => {
    const child = spawn(opener, [path], { detached: true, stdio: 'ignore' });
    child.once('error', (error) =>
      resolve({ ok: false, reason: (error as NodeJS.ErrnoException).code === 'ENOENT' ? `${opener} is not installed` : error.message }),
    );
    child.once('spawn', () => {
      child.unref();
      resolve({ ok: true, opener });
    });
  });
}
