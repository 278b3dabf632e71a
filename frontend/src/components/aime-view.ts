// What every panel view shares: the `hass`/`narrow`/`params` it is given, translations, a live
// subscription to AIME's events while it is on screen, and loading/error states.
import { LitElement, html, type TemplateResult } from "lit";
import { property } from "lit/decorators.js";
import { translatedError } from "../data/errors";
import { subscribeAime, type LiveEvent } from "../data/subscription";
import { localize, type Vars } from "../i18n";
import type { HomeAssistant } from "../types";

export type Load<T> =
  | { status: "loading" }
  | { status: "error"; message: string }
  | { status: "ready"; value: T };

export const LOADING = { status: "loading" } as const;

export abstract class AimeView extends LitElement {
  @property({ attribute: false }) hass!: HomeAssistant;
  @property({ type: Boolean }) narrow = false;
  @property({ attribute: false }) params: Record<string, string> = {};
  /** Whose plays the view shows (a `person.*` entity id, the panel's header picker); absent, everyone's. */
  @property({ attribute: false }) person?: string;

  private unsubscribe?: Promise<() => Promise<void>>;

  protected t(key: string, vars?: Vars): string {
    return localize(this.hass, key, vars);
  }

  /** Whether an update shows another page of the route (`/album/<id>`): Home Assistant has just
   * arrived, or the id changed. `hass` and `params` are new objects at every state change. */
  protected routeIdChanged(changed: Map<string, unknown>): boolean {
    if (!this.hass) return false;
    const firstHass = changed.has("hass") && changed.get("hass") === undefined;
    const before = (changed.get("params") as Record<string, string> | undefined)?.id;
    return firstHass || (changed.has("params") && before !== this.params?.id);
  }

  /** Whether another person was chosen since the view's first update: it loads again. */
  protected personChanged(changed: Map<string, unknown>): boolean {
    return this.hasUpdated && changed.has("person");
  }

  /** Whether this update brings nothing but a new `hass` whose language, locale and configuration
   * are the same (a state changed somewhere in Home Assistant). A view that shows no entity state
   * skips such updates (`shouldUpdate`): under a stream of state changes, re-rendering a long
   * journal at each made most of its scroll's long frames. Never while unsubscribed: the next
   * `hass` subscribes again. */
  protected onlyStatesChanged(changed: Map<string, unknown>): boolean {
    if (changed.size !== 1 || !changed.has("hass") || !this.unsubscribe) return false;
    const before = changed.get("hass") as HomeAssistant | undefined;
    return (
      before !== undefined &&
      before.language === this.hass.language &&
      before.locale === this.hass.locale &&
      before.config === this.hass.config
    );
  }

  /** Called for each live event while the view is connected; views refresh what it changes. */
  protected onLiveEvent(_event: LiveEvent): void {}

  connectedCallback(): void {
    super.connectedCallback();
    if (this.hass) this.subscribe();
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    const pending = this.unsubscribe;
    this.unsubscribe = undefined;
    pending?.then((stop) => stop()).catch(() => undefined);
  }

  protected willUpdate(changed: Map<string, unknown>): void {
    if (changed.has("hass") && this.hass && !this.unsubscribe && this.isConnected) this.subscribe();
  }

  private subscribe(): void {
    this.unsubscribe = subscribeAime(this.hass, (event) => {
      // The hub unloaded: the next `hass` (its entities coming back) subscribes again.
      if (event.kind === "ended") this.unsubscribe = undefined;
      else this.onLiveEvent(event);
    });
    // A failed subscription (an older hub) leaves the view static rather than retrying at every update.
    this.unsubscribe.catch(() => undefined);
  }

  /** Runs `fetch`, giving its state to `assign` first as loading, then as ready or error. */
  protected async load<T>(fetch: () => Promise<T>, assign: (state: Load<T>) => void, quiet = false) {
    if (!quiet) assign(LOADING);
    try {
      assign({ status: "ready", value: await fetch() });
    } catch (error) {
      assign({ status: "error", message: await translatedError(this.hass, error) });
    }
  }

  protected renderLoad<T>(
    state: Load<T>,
    render: (value: T) => TemplateResult | TemplateResult[] | string,
    retry?: () => void,
  ): TemplateResult | TemplateResult[] | string {
    if (state.status === "loading") {
      return html`<div class="state" role="status" data-testid="loading">${this.t("common.loading")}</div>`;
    }
    if (state.status === "error") {
      return html`<div class="state error" role="alert" data-testid="error">
        ${this.t("common.error", { message: state.message })}
        ${retry ? html`<button @click=${retry}>${this.t("common.retry")}</button>` : ""}
      </div>`;
    }
    return render(state.value);
  }
}
