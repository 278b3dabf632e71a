// Plays a media id in an AIME Roon zone chosen by the user, through Home Assistant's media_player actions.
import { LitElement, css, html } from "lit";
import { property, state } from "lit/decorators.js";
import { translatedError } from "../data/errors";
import { aimeZones, playInZone, type AimeZone } from "../data/now-playing";
import { define } from "../define";
import { localize } from "../i18n";
import type { HomeAssistant } from "../types";
import { sharedStyles } from "./styles";

const LAST_ZONE_KEY = "aime-last-zone";

export class AimeZonePicker extends LitElement {
  @property({ attribute: false }) hass!: HomeAssistant;
  /** What to play: a media id AIME's players understand (a search or playlist id). */
  @property({ attribute: "media-id" }) mediaId = "";
  @property({ attribute: "media-type" }) mediaType = "music";
  @property() label = "";
  @state() private zone = localStorage.getItem(LAST_ZONE_KEY) ?? "";
  @state() private message = "";
  @state() private busy = false;

  static styles = [
    sharedStyles,
    css`
      :host {
        display: inline-flex;
        flex-wrap: wrap;
        gap: 8px;
        align-items: center;
      }
      .message {
        font-size: 0.875rem;
      }
    `,
  ];

  render() {
    const zones = aimeZones(this.hass);
    if (!zones.length) {
      return html`<span class="muted" data-testid="no-zone">${localize(this.hass, "common.no_zone")}</span>`;
    }
    const chosen = zones.some((zone) => zone.entityId === this.zone) ? this.zone : zones[0].entityId;
    return html`
      <label class="visually-hidden" for="zone">${localize(this.hass, "common.choose_zone")}</label>
      <select
        id="zone"
        data-testid="zone-select"
        .value=${chosen}
        @change=${(event: Event) => (this.zone = (event.target as HTMLSelectElement).value)}
      >
        ${zones.map(
          (zone) => html`<option value=${zone.entityId} ?selected=${zone.entityId === chosen}>${zone.name}</option>`,
        )}
      </select>
      <button
        class="primary"
        data-testid="zone-play"
        ?disabled=${this.busy || !this.mediaId}
        @click=${() => this.play(chosen, zones)}
      >
        ${this.label || localize(this.hass, "common.play")}
      </button>
      <span class="message" role="status" data-testid="zone-message">${this.message}</span>
    `;
  }

  private async play(entityId: string, zones: AimeZone[]) {
    this.busy = true;
    this.message = "";
    localStorage.setItem(LAST_ZONE_KEY, entityId);
    try {
      await playInZone(this.hass, entityId, this.mediaId, this.mediaType);
      const zone = zones.find((candidate) => candidate.entityId === entityId)?.name ?? entityId;
      this.message = localize(this.hass, "common.playing_in", { zone });
      this.dispatchEvent(new CustomEvent("aime-played", { detail: { entityId }, bubbles: true, composed: true }));
    } catch (error) {
      this.message = await translatedError(this.hass, error);
    } finally {
      this.busy = false;
    }
  }
}

define("aime-zone-picker", AimeZonePicker);
