// What each AIME Roon zone plays, with transport controls through Home Assistant's media_player actions.
import { mdiPause, mdiPlay, mdiSkipNext, mdiSkipPrevious } from "@mdi/js";
import { LitElement, css, html, nothing } from "lit";
import { property } from "lit/decorators.js";
import { aimeZones, controlZone, type TransportAction } from "../data/now-playing";
import { define } from "../define";
import { localize } from "../i18n";
import type { HassEntityState, HomeAssistant } from "../types";
import "./aime-cover";
import { sharedStyles } from "./styles";

const ACTIVE = new Set(["playing", "paused", "buffering"]);

const ICONS = { previous: mdiSkipPrevious, play: mdiPlay, pause: mdiPause, next: mdiSkipNext };

export class AimeNowPlaying extends LitElement {
  @property({ attribute: false }) hass!: HomeAssistant;
  @property({ type: Boolean }) narrow = false;
  /** One zone per line (a dashboard card) rather than side by side. */
  @property({ type: Boolean, reflect: true }) stacked = false;

  static styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      .strip {
        display: flex;
        gap: 8px;
        overflow-x: auto;
        scroll-snap-type: x mandatory;
        padding: 8px 12px;
        background: var(--card-background-color, #fff);
        border-top: 1px solid var(--divider-color, #e0e0e0);
      }
      :host([stacked]) .strip {
        flex-direction: column;
        overflow-x: visible;
        border-bottom: 1px solid var(--divider-color, #e0e0e0);
      }
      :host([stacked]) .zone {
        flex: none;
        max-width: none;
      }
      .zone {
        display: flex;
        align-items: center;
        gap: 8px;
        min-width: 0;
        /* Never squeezed: on a phone one zone fills the strip and the others scroll into view. */
        flex: 1 0 min(280px, calc(100vw - 48px));
        max-width: 420px;
        scroll-snap-align: start;
      }
      .text {
        min-width: 0;
        flex: 1;
      }
      .title {
        font-weight: 500;
      }
      .controls {
        display: flex;
        flex: none;
      }
      svg {
        width: 24px;
        height: 24px;
        fill: currentColor;
        display: block;
      }
    `,
  ];

  render() {
    if (!this.hass) return nothing;
    const zones = aimeZones(this.hass).map((zone) => this.hass.states[zone.entityId]);
    if (!zones.length) return nothing;
    const active = zones.filter((state) => ACTIVE.has(state.state));
    return html`<section class="strip" aria-label=${localize(this.hass, "panel.now_playing.label")} data-testid="now-playing">
      ${active.length
        ? active.map((state) => this.renderZone(state))
        : html`<span class="muted">${localize(this.hass, "panel.now_playing.idle")}</span>`}
    </section>`;
  }

  private renderZone(state: HassEntityState) {
    const attributes = state.attributes;
    const playing = state.state === "playing";
    const zone = attributes.friendly_name ?? state.entity_id;
    return html`<div class="zone" data-testid="now-playing-zone" data-entity-id=${state.entity_id}>
      <aime-cover .src=${attributes.entity_picture ?? null} .size=${40} label=${attributes.media_album_name ?? ""}></aime-cover>
      <div class="text">
        <div class="title ellipsis" dir="auto" title=${attributes.media_title ?? zone}>${attributes.media_title ?? zone}</div>
        <div class="muted ellipsis" title=${attributes.media_artist ?? ""}>
          <span dir="auto">${attributes.media_artist ?? ""}</span>${this.narrow ? "" : ` · ${zone}`}
        </div>
      </div>
      <div class="controls">
        ${this.narrow ? nothing : this.button(state, "previous", "media_previous_track")}
        ${this.button(state, playing ? "pause" : "play", "media_play_pause")}
        ${this.button(state, "next", "media_next_track")}
      </div>
    </div>`;
  }

  private button(state: HassEntityState, icon: keyof typeof ICONS, action: TransportAction) {
    return html`<button
      class="icon"
      data-testid="now-playing-${icon}"
      aria-label=${localize(this.hass, `panel.now_playing.${icon}`)}
      title=${localize(this.hass, `panel.now_playing.${icon}`)}
      @click=${() => controlZone(this.hass, state.entity_id, action)}
    >
      <svg viewBox="0 0 24 24" aria-hidden="true"><path d=${ICONS[icon]} /></svg>
    </button>`;
  }
}

define("aime-now-playing", AimeNowPlaying);
