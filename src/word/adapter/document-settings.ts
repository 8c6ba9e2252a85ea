/// <reference types="office-js" />
/** Office's per-document settings (saved inside the document), under `plainSend.<key>`. */
import type { SettingsStore } from '../../office/document-port.js';

export class DocumentSettings implements SettingsStore {
  constructor(private readonly office: () => typeof Office) {}

  private settings(): Office.Settings | undefined {
    return this.office()?.context?.document?.settings;
  }

  get<T>(key: string): T | undefined {
    const value = this.settings()?.get(`plainSend.${key}`);
    return value === null || value === undefined ? undefined : (value as T);
  }

  async set(key: string, value: unknown): Promise<void> {
    const settings = this.settings();
    if (!settings) return;
    if (value === undefined) settings.remove(`plainSend.${key}`);
    else settings.set(`plainSend.${key}`, value);
    await new Promise<void>((resolve, reject) =>
      settings.saveAsync((result) =>
        String(result.status) === 'failed'
          ? reject(new Error(result.error?.message ?? 'Could not save the settings.'))
          : resolve(),
      ),
    );
  }
}
