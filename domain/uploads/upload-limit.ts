import type { PlatformConfig } from '#domain/ports/platform-config.js';

/** The use case an upload names, by metadata `use-case` or its key's `uploads/<tag>/`, before routing has looked at it. */
export function namedUseCase(key: string, metadata: Readonly<Record<string, string>> = {}): string | undefined {
  return metadata['use-case'] ?? /^uploads\/([a-z][a-z0-9_]*)\//.exec(key)?.[1];
}

/**
 * The largest upload a use case's journeys take: its own limit when it declares one (the most its
 * steps can read within their Lambda budget), never above the platform's, which an operator sets.
 */
export function uploadLimitOf(
  useCases: { useCase(id: string): { readonly maxUploadBytes?: number } | undefined },
  useCase: string | undefined,
  config: Pick<PlatformConfig, 'maxUploadBytes'>,
): number {
  const declared = useCase === undefined ? undefined : useCases.useCase(useCase)?.maxUploadBytes;
  return declared === undefined ? config.maxUploadBytes : Math.min(declared, config.maxUploadBytes);
}
