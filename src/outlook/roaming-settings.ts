/**
 * The user's settings in Outlook: the mailbox's roaming settings, so the pane and the check at
 * Send (which has no localStorage) read the same choices, on every computer the user signs in on.
 * Outlook keeps at most 32 KB of them per add-in.
 */
import type { SettingsStore } from '../office/document-port.js';

/** What this file uses of Office.context.roamingSettings. */
export interface RoamingSettingsLike {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
  saveAsync(callback?: (result: { status: unknown; error?: { message: string } }) => void): void;
}

export class RoamingSettingsStore implements SettingsStore {
  constructor(
    private readonly roaming: RoamingSettingsLike,
    private readonly failed: unknown = 'failed',
  ) {}

  get<T>(key: string): T | undefined {
    const v = this.roaming.get(key);
    return v === undefined || v === null ? undefined : (v as T);
  }

  set(key: string, value: unknown): Promise<void> {
    if (value === undefined) this.roaming.remove(key);
    else this.roaming.set(key, value);
    return new Promise((resolve, reject) =>
      this.roaming.saveAsync((r) =>
        r?.status === this.failed
          ? reject(new Error(`Outlook could not save your settings: ${r.error?.message ?? 'no reason given'}.`))
          : resolve(),
      ),
    );
  }
}
