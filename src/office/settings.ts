/** Settings stores that touch no Office API: in memory, and the browser's localStorage (per user). */
import type { SettingsStore } from './document-port.js';

export class MemorySettings implements SettingsStore {
  private readonly values = new Map<string, unknown>();
  get<T>(key: string): T | undefined {
    const v = this.values.get(key);
    return v === undefined ? undefined : (structuredClone(v) as T);
  }
  async set(key: string, value: unknown): Promise<void> {
    if (value === undefined) this.values.delete(key);
    else this.values.set(key, structuredClone(value));
  }
}

/**
 * Per-user settings in localStorage, as JSON under `plain-send:<key>`. Word has no roaming
 * settings for task panes, so these stay on this computer. Falls back to memory where
 * storage is blocked (some locked-down browsers throw on any access).
 */
export class LocalStorageSettings implements SettingsStore {
  private readonly fallback = new MemorySettings();
  constructor(private readonly prefix = 'plain-send:') {}

  private storage(): Storage | undefined {
    try {
      return globalThis.localStorage ?? undefined;
    } catch {
      return undefined;
    }
  }

  get<T>(key: string): T | undefined {
    const storage = this.storage();
    if (!storage) return this.fallback.get<T>(key);
    try {
      const raw = storage.getItem(this.prefix + key);
      return raw === null ? undefined : (JSON.parse(raw) as T);
    } catch {
      return undefined;
    }
  }

  async set(key: string, value: unknown): Promise<void> {
    const storage = this.storage();
    if (!storage) return this.fallback.set(key, value);
    if (value === undefined) storage.removeItem(this.prefix + key);
    else storage.setItem(this.prefix + key, JSON.stringify(value));
  }
}
