// Home Assistant's form element (ha-form) is not part of every page: HA loads it with the editors of
// its own cards. Asking one of its cards for its editor loads it, on every version since 2023.
interface LovelaceCardClass extends CustomElementConstructor {
  getConfigElement?: () => unknown;
}

interface CardHelpers {
  createCardElement(config: { type: string }): HTMLElement;
}

declare global {
  interface Window {
    loadCardHelpers?: () => Promise<CardHelpers>;
  }
}

/** Resolves once ha-form is defined (never outside Home Assistant). */
export async function loadHaForm(): Promise<void> {
  if (customElements.get("ha-form")) return;
  if (!customElements.get("hui-button-card")) {
    // The button card is one HA loads up front; the helpers define it should a dashboard not have yet.
    (await window.loadCardHelpers?.())?.createCardElement({ type: "button" });
  }
  await (customElements.get("hui-button-card") as LovelaceCardClass | undefined)?.getConfigElement?.();
  await customElements.whenDefined("ha-form");
}
