/** What opening a data directory had to repair, for the runtime to report (the CLI prints it). */
export interface Recovery {
  file: string;
  action: string;
  /** Byte offset of what was cut or skipped. */
  at: number;
  bytes: number;
}

export function describeRecovery(recovery: Recovery): string {
  return `${recovery.file}: ${recovery.action} (${recovery.bytes} bytes at offset ${recovery.at}), left by a process that stopped mid-write`;
}
