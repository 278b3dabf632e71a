// A failed call's message, in the user's language when Home Assistant can translate it.
import type { HomeAssistant } from "../types";

/** The message of a failed call, as Home Assistant translated it. */
export function errorMessage(error: unknown): string {
  if (error && typeof error === "object" && "message" in error) {
    return String((error as { message: unknown }).message);
  }
  return String(error);
}

type BackendLocalize = (key: string, values?: Record<string, string>) => string;

/**
 * The message of a failed call in the user's language. Home Assistant writes an integration's
 * error in the server's language; the error also carries its translation key, which Home
 * Assistant's frontend can translate into the user's (as it does for its own notifications).
 */
export async function translatedError(hass: HomeAssistant, error: unknown): Promise<string> {
  const detail = (error ?? {}) as {
    translation_domain?: string;
    translation_key?: string;
    translation_placeholders?: Record<string, string>;
  };
  const loader = (
    hass as unknown as {
      loadBackendTranslation?: (category: string, integration: string) => Promise<BackendLocalize>;
    }
  ).loadBackendTranslation;
  if (detail.translation_domain && detail.translation_key && loader) {
    try {
      const localize = await loader.call(hass, "exceptions", detail.translation_domain);
      const key = `component.${detail.translation_domain}.exceptions.${detail.translation_key}.message`;
      const text = localize(key, detail.translation_placeholders ?? {});
      if (text) return text;
    } catch {
      // The server's own message below is still a sentence.
    }
  }
  return errorMessage(error);
}
