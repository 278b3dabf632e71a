// The form that makes a playlist: an algorithm and its options, sent to `aime.generate_playlist`;
// the saved playlist it answers goes to the view as `playlist-generated`.
import { LitElement, css, html, nothing } from "lit";
import { property, state } from "lit/decorators.js";
import { callAimeAction, defined } from "../../data/commands";
import { translatedError } from "../../data/errors";
import { formStyles, sharedStyles } from "../../components/styles";
import { define } from "../../define";
import { localize, type Vars } from "../../i18n";
import type { HomeAssistant } from "../../types";
import {
  ALGORITHMS,
  DAY_TYPES,
  LIMITS,
  WINDOWS,
  algorithmLabel,
  type AlgorithmName,
  type SavedPlaylist,
} from "./shared";

interface Fields {
  algorithm: AlgorithmName;
  max_tracks: string;
  window: string;
  name: string;
  prompt: string;
  hour: string;
  day_type: string;
  rediscovery_days: string;
  seed: string;
}

const INITIAL: Fields = {
  algorithm: "top_sessions",
  max_tracks: String(LIMITS.defaultTracks),
  window: "all",
  name: "",
  prompt: "",
  hour: "",
  day_type: "any",
  rediscovery_days: String(LIMITS.defaultRediscoveryDays),
  seed: "",
};

/** A whole number within bounds, or undefined. */
function wholeWithin(value: string, min: number, max: number): number | undefined {
  if (!/^\d+$/.test(value.trim())) return undefined;
  const number = Number(value);
  return number >= min && number <= max ? number : undefined;
}

export class AimePlaylistGenerator extends LitElement {
  @property({ attribute: false }) hass!: HomeAssistant;
  @state() private fields: Fields = { ...INITIAL };
  @state() private busy = false;
  @state() private error = "";

  static styles = [
    sharedStyles,
    formStyles,
    css`
      form {
        display: grid;
        gap: 12px 16px;
        grid-template-columns: repeat(auto-fill, minmax(200px, 1fr));
        align-items: start;
      }
      .wide {
        grid-column: 1 / -1;
      }
      .hint {
        font-size: 0.8125rem;
        color: var(--secondary-text-color);
        margin: 0;
      }
      .submit {
        grid-column: 1 / -1;
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
        align-items: center;
      }
    `,
  ];

  private t(key: string, vars?: Vars): string {
    return localize(this.hass, key, vars);
  }

  render() {
    const fields = this.fields;
    return html`<form class="card" data-testid="playlist-generate-form" @submit=${this.submit} novalidate>
      <h3 class="wide">${this.t("playlists.generate_title")}</h3>
      <label class="wide">
        ${this.t("playlists.field.algorithm")}
        <select data-testid="playlist-algorithm" .value=${fields.algorithm} @change=${this.set("algorithm")}>
          ${ALGORITHMS.map(
            (algorithm) =>
              html`<option value=${algorithm} ?selected=${algorithm === fields.algorithm}>
                ${algorithmLabel(this.hass, algorithm)}
              </option>`,
          )}
        </select>
        <span class="hint" data-testid="playlist-algorithm-hint">${this.t(`playlists.algorithm_hint.${fields.algorithm}`)}</span>
      </label>
      ${fields.algorithm === "ai_generated"
        ? html`<label class="wide">
            ${this.t("playlists.field.prompt")}
            <textarea
              data-testid="playlist-prompt"
              maxlength=${LIMITS.maxPrompt}
              placeholder=${this.t("playlists.prompt_placeholder")}
              .value=${fields.prompt}
              @input=${this.set("prompt")}
            ></textarea>
          </label>`
        : nothing}
      <label>
        ${this.t("playlists.field.max_tracks")}
        <input
          type="number"
          inputmode="numeric"
          data-testid="playlist-max-tracks"
          min=${LIMITS.minTracks}
          max=${LIMITS.maxTracks}
          .value=${fields.max_tracks}
          @input=${this.set("max_tracks")}
        />
      </label>
      <label>
        ${this.t("playlists.field.window")}
        <select data-testid="playlist-window" .value=${fields.window} @change=${this.set("window")}>
          ${WINDOWS.map(
            (window) =>
              html`<option value=${window} ?selected=${window === fields.window}>${this.t(`playlists.window.${window}`)}</option>`,
          )}
        </select>
      </label>
      ${fields.algorithm === "time_based" ? this.renderTimeFields() : nothing}
      ${fields.algorithm === "rediscovery"
        ? html`<label>
            ${this.t("playlists.field.rediscovery_days")}
            <input
              type="number"
              inputmode="numeric"
              data-testid="playlist-rediscovery-days"
              min="1"
              max=${LIMITS.maxRediscoveryDays}
              .value=${fields.rediscovery_days}
              @input=${this.set("rediscovery_days")}
            />
          </label>`
        : nothing}
      <label>
        ${this.t("playlists.field.name")}
        <input
          data-testid="playlist-name"
          maxlength=${LIMITS.maxName}
          placeholder=${this.t("playlists.name_placeholder")}
          .value=${fields.name}
          @input=${this.set("name")}
        />
      </label>
      <label>
        ${this.t("playlists.field.seed")}
        <input
          type="number"
          inputmode="numeric"
          data-testid="playlist-seed"
          min="0"
          max=${LIMITS.maxSeed}
          placeholder=${this.t("playlists.seed_placeholder")}
          .value=${fields.seed}
          @input=${this.set("seed")}
        />
      </label>
      <div class="submit">
        <button class="primary" type="submit" data-testid="playlist-generate-submit" ?disabled=${this.busy}>
          ${this.busy ? this.t("playlists.generating") : this.t("playlists.generate_submit")}
        </button>
        <button type="button" @click=${this.cancel}>${this.t("playlists.cancel")}</button>
        ${this.error
          ? html`<span class="error" role="alert" data-testid="playlist-generate-error">${this.error}</span>`
          : nothing}
      </div>
    </form>`;
  }

  private renderTimeFields() {
    const fields = this.fields;
    return html`<label>
        ${this.t("playlists.field.hour")}
        <input
          type="number"
          inputmode="numeric"
          data-testid="playlist-hour"
          min="0"
          max="23"
          placeholder=${this.t("playlists.hour_placeholder")}
          .value=${fields.hour}
          @input=${this.set("hour")}
        />
      </label>
      <label>
        ${this.t("playlists.field.day_type")}
        <select data-testid="playlist-day-type" .value=${fields.day_type} @change=${this.set("day_type")}>
          ${DAY_TYPES.map(
            (dayType) =>
              html`<option value=${dayType} ?selected=${dayType === fields.day_type}>${this.t(`playlists.day_type.${dayType}`)}</option>`,
          )}
        </select>
      </label>`;
  }

  private set(name: keyof Fields) {
    return (event: Event) => {
      const value = (event.target as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement).value;
      this.fields = { ...this.fields, [name]: value };
      this.error = "";
    };
  }

  private cancel = () => {
    this.dispatchEvent(new CustomEvent("generate-cancelled", { bubbles: true, composed: true }));
  };

  /** The action's data, or a translated sentence saying which field is wrong. */
  private request(): Record<string, unknown> | string {
    const fields = this.fields;
    const maxTracks = wholeWithin(fields.max_tracks, LIMITS.minTracks, LIMITS.maxTracks);
    if (maxTracks === undefined) {
      return this.t("playlists.invalid.max_tracks", { min: LIMITS.minTracks, max: LIMITS.maxTracks });
    }
    const data: Record<string, unknown> = {
      algorithm: fields.algorithm,
      max_tracks: maxTracks,
      window: fields.window,
      name: fields.name.trim(),
    };
    if (fields.seed.trim()) {
      data.seed = wholeWithin(fields.seed, 0, LIMITS.maxSeed);
      if (data.seed === undefined) return this.t("playlists.invalid.seed", { max: LIMITS.maxSeed });
    }
    if (fields.algorithm === "ai_generated") {
      if (!fields.prompt.trim()) return this.t("playlists.invalid.prompt");
      data.prompt = fields.prompt.trim();
    }
    if (fields.algorithm === "time_based") {
      data.day_type = fields.day_type;
      if (fields.hour.trim()) {
        data.hour = wholeWithin(fields.hour, 0, 23);
        if (data.hour === undefined) return this.t("playlists.invalid.hour");
      }
    }
    if (fields.algorithm === "rediscovery") {
      data.rediscovery_days = wholeWithin(fields.rediscovery_days, 1, LIMITS.maxRediscoveryDays);
      if (data.rediscovery_days === undefined) {
        return this.t("playlists.invalid.rediscovery_days", { max: LIMITS.maxRediscoveryDays });
      }
    }
    return defined(data);
  }

  private submit = async (event: Event) => {
    event.preventDefault();
    if (this.busy) return;
    const request = this.request();
    if (typeof request === "string") {
      this.error = request;
      return;
    }
    this.busy = true;
    this.error = "";
    try {
      const playlist = await callAimeAction<SavedPlaylist>(this.hass, "generate_playlist", request, true);
      if (playlist) {
        this.dispatchEvent(
          new CustomEvent("playlist-generated", { detail: playlist, bubbles: true, composed: true }),
        );
      }
    } catch (error) {
      this.error = await translatedError(this.hass, error);
    } finally {
      this.busy = false;
    }
  };
}

define("aime-playlist-generator", AimePlaylistGenerator);
