// The panel and the cards are separate bundles that may both load on one page: define each element once.
//
// The cards' bundle is one of Home Assistant's extra modules, which can run before HA's own app has
// installed its scoped custom-element registry polyfill (it replaces `window.customElements` and
// `HTMLElement`). An element defined before that is unknown to the polyfill, and constructing it later
// throws "Illegal constructor". So, inside Home Assistant, define once its root element exists.
const HA_ROOT = "home-assistant";

export function define(name: string, element: CustomElementConstructor): void {
  const defineNow = () => {
    if (!customElements.get(name)) customElements.define(name, element);
  };
  if (customElements.get(HA_ROOT) || !globalThis.document?.querySelector(HA_ROOT)) {
    defineNow();
  } else {
    void customElements.whenDefined(HA_ROOT).then(defineNow);
  }
}
